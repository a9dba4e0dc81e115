package io.flextime.export;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.security.Door;
import io.flextime.core.testing.DoorMatrix;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.core.trigger.MskEvent;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** export's doors × roles × own/other tenant, from the Door table (DoorMatrix). */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ExportDoorMatrixTest {
    private static final String TENANT = "exptest-matrix-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Receiver PARTNER = new Receiver();

    @Inject
    StoredSchedules stored;
    @Inject
    ObjectMapper mapper;

    @AfterAll
    static void closePartner() {
        PARTNER.close();
    }

    @Test
    void everyFunqIsARowOfTheDoorTable() {
        DoorMatrix.assertEveryFunqGuarded("export");
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        TestTokens.register(TENANT);
        Season season = Fixtures.small("matrix", 4);
        DatasetVersion dataset = stored.dataset(TENANT, season, "json");
        Partners.subscribe(TENANT, PARTNER.url("/hook"));
        String endpoint = given().header(Partners.viewer(TENANT)).contentType("application/json").body(Map.of())
                .post("/subscriptions").then().statusCode(200).extract().path("[0].id");
        ScheduleVersion v1 = stored.schedule(TENANT, dataset, season, Fixtures.roundRobin(season, 6, 1));
        ScheduleVersion v2 = stored.schedule(TENANT, dataset, season, Fixtures.roundRobin(season, 6, 2));
        Partners.publish(TENANT, v1.id());
        Await.until("the publication's webhook delivered", Duration.ofSeconds(30), () -> Partners.deliveryIs(TENANT, "DELIVERED"));
        String delivery = Partners.delivery(TENANT)[3];
        String team = season.teams().get(0).id();
        return DoorMatrix.of("export", TENANT, Map.ofEntries(
                Map.entry(Door.EXPORTS, (tenant, id) -> Map.of("tenant", tenant, "scheduleVersionId", v1.id().toString())),
                Map.entry(Door.TEAM_FILES, (tenant, id) -> Map.of("tenant", tenant, "scheduleVersionId", v1.id().toString(),
                        "team", team)),
                Map.entry(Door.SCHEDULE_REPORT, (tenant, id) -> Map.of("tenant", tenant, "scheduleVersionId", v1.id().toString())),
                Map.entry(Door.COMPARE_SCHEDULES, (tenant, id) -> Map.of("tenant", tenant, "base", v1.id().toString(),
                        "candidate", v2.id().toString())),
                Map.entry(Door.SCHEDULE_VERSIONS, (tenant, id) -> Map.of("tenant", tenant, "season", season.season())),
                Map.entry(Door.PUBLISH_SCHEDULE, (tenant, id) -> Map.of("tenant", tenant, "scheduleVersionId",
                        stored.schedule(TENANT, dataset, season, Fixtures.roundRobin(season, 6, 1)).id().toString())),
                Map.entry(Door.SUBSCRIBE, (tenant, id) -> Map.of("tenant", tenant, "url", PARTNER.url("/other"))),
                Map.entry(Door.SUBSCRIPTIONS, (tenant, id) -> Map.of("tenant", tenant)),
                Map.entry(Door.ROTATE_SECRET, (tenant, id) -> Map.of("tenant", tenant, "endpointId", endpoint)),
                Map.entry(Door.SET_SUBSCRIPTION_ENABLED, (tenant, id) -> Map.of("tenant", tenant, "endpointId", endpoint,
                        "enabled", true)),
                Map.entry(Door.DELIVERIES, (tenant, id) -> Map.of("tenant", tenant)),
                Map.entry(Door.DELIVERY, (tenant, id) -> Map.of("tenant", tenant, "deliveryId", delivery)),
                Map.entry(Door.REPLAY_DELIVERY, (tenant, id) -> Map.of("tenant", tenant, "deliveryId", delivery)),
                Map.entry(Door.DELIVER_DUE_WEBHOOKS, (tenant, id) -> Map.of("id", id, "detail-type", "Scheduled Event",
                        "source", "aws.events", "time", "2026-01-01T00:00:00Z", "detail", Map.of())),
                Map.entry(Door.ON_SCHEDULE_SOLVED, (tenant, id) -> solved(stored.schedule(TENANT, dataset, season,
                        Fixtures.roundRobin(season, 6, 1)), id))));
    }

    /** An MSK batch with the schedule.solved event of a version, in run {@code correlationId}. */
    private MskEvent solved(ScheduleVersion version, String correlationId) {
        CloudEvent event = stored.solvedEvent(version, correlationId);
        try {
            return MskEvent.of(EventType.SCHEDULE_SOLVED.topic(), 0, 1, version.id().toString(), mapper.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
