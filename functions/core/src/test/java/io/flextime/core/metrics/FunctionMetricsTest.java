package io.flextime.core.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The function's own meters appear in the Prometheus scrape, with the values that were recorded. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class FunctionMetricsTest {
    @Inject
    FunctionMetrics metrics;
    @Inject
    EventPublisher publisher;
    @Inject
    ObjectMapper mapper;

    @Test
    void recordsAreCountedPerKind() {
        String kind = "rows-" + UUID.randomUUID().toString().substring(0, 8);
        metrics.records(kind, 1200);
        metrics.records(kind, 34);
        metrics.records(kind, 0);
        double value = sample("flextime_records_total", "kind=\"" + kind + "\"").orElseThrow();
        assertEquals(1234.0, value, 1e-9);
    }

    @Test
    void everyHandledEventIsTimedWithItsOutcome() throws Exception {
        String handled = "outcome=\"handled\"";
        double before = sample("flextime_events_handled_seconds_count", "consumer=\"coretest\"", handled).orElse(0.0);
        ObjectNode data = (ObjectNode) mapper.readTree(getClass().getResourceAsStream(
                "/" + EventType.DATASET_INGESTED.exampleResource().replaceFirst("^/", ""))).get("data");
        String versionId = UUID.randomUUID().toString();
        data.put("versionId", versionId).put("season", "metrics-" + versionId);
        CloudEvent event = publisher.create(EventType.DATASET_INGESTED, versionId,
                "coretest-" + versionId.substring(0, 8), UUID.randomUUID().toString(), 1L, data);
        KafkaProbe.send(EventType.DATASET_INGESTED.topic(), versionId, mapper.writeValueAsString(event));

        long deadline = System.nanoTime() + 30_000_000_000L;
        double after = before;
        while (after <= before && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = sample("flextime_events_handled_seconds_count", "consumer=\"coretest\"", handled).orElse(0.0);
        }
        assertTrue(after > before, "the handled event was counted: " + before + " -> " + after);
        String scrape = given().get("/metrics").then().statusCode(200).extract().asString();
        assertTrue(scrape.contains("flextime_events_handled_seconds_bucket{"), "durations are a histogram");
        assertTrue(scrape.contains("type=\"" + EventType.DATASET_INGESTED.type() + "\""), "tagged with the event type");
        assertTrue(scrape.contains("kafka_consumer_fetch_manager_records_lag"), "consumer lag from the Kafka client binder");
    }

    /** The sum of the samples of a metric whose labels contain every fragment. */
    private static Optional<Double> sample(String name, String... labelFragments) {
        String scrape = given().get("/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        Double sum = null;
        while (m.find()) {
            boolean all = true;
            for (String f : labelFragments) {
                all &= m.group(1).contains(f);
            }
            if (all) {
                sum = (sum == null ? 0 : sum) + Double.parseDouble(m.group(2));
            }
        }
        return Optional.ofNullable(sum);
    }
}
