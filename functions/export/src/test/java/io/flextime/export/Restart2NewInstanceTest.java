package io.flextime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.testing.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Second half: a new application instance (Quarkus restarted between the profiles) finds the pending
 * retry in PostgreSQL on its own (start-up and follow-up sweeps) and delivers it once the partner is up.
 */
@QuarkusTest
@TestProfile(RestartProfiles.Restart2AfterStop.class)
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class Restart2NewInstanceTest {

    @Test
    void theNewInstanceDeliversThePendingRetry() {
        String port = System.getProperty(RestartProfiles.PORT);
        String tenant = System.getProperty(RestartProfiles.TENANT);
        assertNotNull(port, "Restart1PendingRetryTest must run first (class names order the two halves)");
        try (Receiver partner = new Receiver(Integer.parseInt(port))) {
            Await.until("the pending retry delivered by the new instance", Duration.ofSeconds(60),
                    () -> Partners.deliveryIs(tenant, "DELIVERED"));
            assertEquals(1, partner.requests("/restart").size());
            String[] d = Partners.delivery(tenant);
            assertEquals(System.getProperty(RestartProfiles.MESSAGE), d[3], "the same delivery, not a new one");
            assertTrue(Integer.parseInt(d[2]) >= 2, "it had failed before the restart");
        }
    }
}
