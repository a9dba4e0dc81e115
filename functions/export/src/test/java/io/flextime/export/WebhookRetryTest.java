package io.flextime.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.flextime.core.model.DatasetVersion;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.events.EventType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery against real local receivers, with the test retry schedule (0 s, 0.3 s, 0.3 s):
 * a failure then a success is delivered once; a receiver that stays down is dead-lettered and then
 * replayed; 410 Gone disables the endpoint; an endpoint receives its messages in order.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class WebhookRetryTest {
    @Inject
    StoredSchedules stored;
    @Inject
    ObjectMapper mapper;

    @Test
    void aReceiverAnswering500Then200GetsTheMessageExactlyOnce() throws Exception {
        String tenant = tenant();
        try (Receiver partner = new Receiver().answer(500)) {
            String secret = Partners.subscribe(tenant, partner.url("/flaky"));
            publish(tenant, "flaky");
            Await.until("delivered", Duration.ofSeconds(60), () -> Partners.deliveryIs(tenant, "DELIVERED"));
            Await.sleep(Duration.ofSeconds(1)); // past every retry interval: nothing more may arrive
            List<Receiver.Request> got = partner.requests("/flaky");
            assertEquals(2, got.size(), "one failed attempt, one accepted");
            assertEquals(List.of(500, 200), got.stream().map(Receiver.Request::answered).toList());
            assertEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"), "a retry is the same message");
            assertEquals(got.get(0).body(), got.get(1).body());
            for (Receiver.Request r : got) {
                new Webhook(secret).verify(r.body(), new HashMap<>(r.headers()));
            }
            String[] d = Partners.delivery(tenant);
            assertEquals("2", d[1]);
            var events = KafkaProbe.read(EventType.WEBHOOK_DELIVERED.topic(), r -> d[3].equals(r.key()), f -> !f.isEmpty(),
                    Duration.ofSeconds(30));
            assertEquals(1, events.size());
            assertEquals(2, mapper.readTree(events.get(0).value()).at("/data/attempts").asInt());
            assertEquals(200, mapper.readTree(events.get(0).value()).at("/data/statusCode").asInt());
        }
    }

    @Test
    void aReceiverDownPastAllRetriesIsDeadLetteredThenReplayed() throws Exception {
        String tenant = tenant();
        Receiver down = new Receiver();
        int port = down.port();
        down.close(); // nothing listens: connection refused on every attempt
        Partners.subscribe(tenant, "http://127.0.0.1:" + port + "/down");
        publish(tenant, "down");
        Await.until("dead-lettered", Duration.ofSeconds(60), () -> Partners.deliveryIs(tenant, "DEAD"));
        String[] d = Partners.delivery(tenant);
        assertEquals("3", d[1], "every attempt of the schedule was made");
        var dead = KafkaProbe.read(EventType.WEBHOOK_DEAD_LETTERED.topic(), r -> d[3].equals(r.key()), f -> !f.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "webhook.dead-lettered after the last attempt");
        JsonNode data = mapper.readTree(dead.get(0).value()).get("data");
        assertEquals(3, data.get("attempts").asInt());
        assertFalse(data.get("lastError").asText().isBlank());

        try (Receiver back = new Receiver(port)) {
            JsonNode replayed = mapper.readTree(given().header(Partners.publisher(tenant)).contentType("application/json")
                    .body(Map.of("tenant", tenant, "deliveryId", d[3])).post("/replayDelivery").then().statusCode(200)
                    .extract().asString());
            assertEquals(d[3], replayed.at("/delivery/id").asText());
            Await.until("delivered after the replay", Duration.ofSeconds(30), () -> Partners.deliveryIs(tenant, "DELIVERED"));
            assertEquals(1, back.requests("/down").size());
            JsonNode detail = mapper.readTree(given().header(Partners.viewer(tenant)).contentType("application/json")
                    .body(Map.of("tenant", tenant, "deliveryId", d[3])).post("/delivery").then().statusCode(200).extract().asString());
            assertEquals(4, detail.get("attempts").size(), "all four attempts are in the log");
            assertEquals(200, detail.at("/attempts/3/statusCode").asInt());
            assertEquals(1, detail.at("/delivery/replays").asInt());
        }
    }

    @Test
    void gone410DisablesTheEndpoint() throws Exception {
        String tenant = tenant();
        try (Receiver partner = new Receiver().otherwise(410)) {
            Partners.subscribe(tenant, partner.url("/gone"));
            publish(tenant, "gone");
            Await.until("disabled", Duration.ofSeconds(60), () -> Partners.deliveryIs(tenant, "DISABLED"));
            Await.sleep(Duration.ofSeconds(1));
            assertEquals(1, partner.requests("/gone").size(), "no retry after 410");
            JsonNode endpoints = mapper.readTree(given().header(Partners.viewer(tenant)).contentType("application/json")
                    .body(Map.of("tenant", tenant))
                    .post("/subscriptions").then().statusCode(200).extract().asString());
            assertFalse(endpoints.get(0).get("enabled").asBoolean());
            assertTrue(endpoints.get(0).get("disabledReason").asText().contains("410"));
        }
    }

    @Test
    void anEndpointGetsItsMessagesInOrderEvenWhenTheFirstNeedsRetries() throws Exception {
        String tenant = tenant();
        try (Receiver partner = new Receiver().answer(500, 500)) {
            Partners.subscribe(tenant, partner.url("/ordered"));
            Season season = Fixtures.small("ordered", 4);
            DatasetVersion dataset = stored.dataset(tenant, season, "json");
            ScheduleVersion v1 = stored.schedule(tenant, dataset, season, Fixtures.roundRobin(season, 3, 1));
            Partners.publish(tenant, v1.id());
            Await.until("first attempt", Duration.ofSeconds(60), () -> !partner.requests("/ordered").isEmpty());
            ScheduleVersion v2 = stored.schedule(tenant, dataset, season,
                    Fixtures.moveGame(season, Fixtures.roundRobin(season, 3, 1), 1, 5));
            Partners.publish(tenant, v2.id());
            Await.until("both accepted", Duration.ofSeconds(60),
                    () -> partner.requests("/ordered").stream().filter(r -> r.answered() == 200).count() == 2);
            List<String> versions = partner.requests("/ordered").stream()
                    .map(r -> read(r.body()).at("/data/scheduleVersionId").asText()).toList();
            assertEquals(List.of(v1.id().toString(), v1.id().toString(), v1.id().toString(), v2.id().toString()), versions,
                    "v2 waits until v1 is accepted");
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(String tenant, String key) {
        Season season = Fixtures.small(key, 4);
        DatasetVersion dataset = stored.dataset(tenant, season, "json");
        ScheduleVersion v = stored.schedule(tenant, dataset, season, Fixtures.roundRobin(season, 3, 1));
        Partners.publish(tenant, v.id());
    }

    static String tenant() {
        return "exptest-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
