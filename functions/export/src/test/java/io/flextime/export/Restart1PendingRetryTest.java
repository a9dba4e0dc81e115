package io.flextime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.testing.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * First half of "the export function restarted during retries loses nothing": the partner is down,
 * the first attempt fails and the retry is pending when this application instance stops.
 * {@link Restart2NewInstanceTest} continues in a new instance.
 */
@QuarkusTest
@TestProfile(RestartProfiles.Restart1BeforeStop.class)
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class Restart1PendingRetryTest {
    @Inject
    StoredSchedules stored;

    @Test
    void aRetryIsPendingWhenTheInstanceStops() {
        String tenant = WebhookRetryTest.tenant();
        Receiver down = new Receiver();
        int port = down.port();
        down.close();
        Partners.subscribe(tenant, "http://127.0.0.1:" + port + "/restart");
        Season season = Fixtures.small("restart", 4);
        DatasetVersion dataset = stored.dataset(tenant, season, "json");
        ScheduleVersion v = stored.schedule(tenant, dataset, season, Fixtures.roundRobin(season, 3, 1));
        Partners.publish(tenant, v.id());
        Await.until("a failed first attempt", Duration.ofSeconds(60), () -> {
            String[] d = Partners.delivery(tenant);
            return d != null && Integer.parseInt(d[2]) >= 1;
        });
        String[] d = Partners.delivery(tenant);
        assertEquals("PENDING", d[0], "the retry is still pending");
        System.setProperty(RestartProfiles.PORT, Integer.toString(port));
        System.setProperty(RestartProfiles.TENANT, tenant);
        System.setProperty(RestartProfiles.MESSAGE, d[3]);
    }
}
