package io.flextime.ingest.trigger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.core.trigger.MskEvent;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.IngestRequested;
import io.flextime.ingest.IngestFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ingest.requested on Kafka and as an MSK event: a duplicate message gives one version and one event. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class IngestRequestedTriggerTest {
    @Inject
    ObjectStore store;
    @Inject
    EventPublisher publisher;
    @Inject
    ObjectMapper mapper;

    CloudEvent request(String tenant, String key) {
        return publisher.create(EventType.INGEST_REQUESTED, key, tenant, UUID.randomUUID().toString(), null,
                new IngestRequested(tenant, IngestFixtures.UPLOADS, key, null, "scheduler@example.org"));
    }

    @Test
    void aKafkaMessageDeliveredTwiceIngestsOnce() throws Exception {
        String tenant = IngestFixtures.tenant("kafka");
        String key = "uploads/" + tenant + "/big12-mbb-2025-26/season.xlsx";
        store.put(IngestFixtures.UPLOADS, key, Files.readAllBytes(IngestFixtures.SAMPLE.resolve("season.xlsx")), "application/zip");
        CloudEvent event = request(tenant, key);
        String json = mapper.writeValueAsString(event);
        KafkaProbe.send(EventType.INGEST_REQUESTED.topic(), key, json);
        KafkaProbe.send(EventType.INGEST_REQUESTED.topic(), key, json);

        for (int i = 0; i < 120 && IngestFixtures.versions(tenant) == 0; i++) {
            Thread.sleep(500);
        }
        String inbox = "SELECT count(*) FROM processed_event WHERE consumer = 'ingest' AND event_id = '" + event.id() + "'";
        for (int i = 0; i < 60 && IngestFixtures.count(inbox) == 0; i++) {
            Thread.sleep(500);
        }
        assertEquals(1, IngestFixtures.count(inbox), "the request is recorded in the inbox");
        assertEquals(1, IngestFixtures.versions(tenant), "one version");
        String versionId = IngestFixtures.string("SELECT id::text FROM dataset_version WHERE tenant = '" + tenant + "'");
        // Counted by subject (our version): another ingest process on the shared broker (the demo) may
        // also consume the request with its own database and emit its own event.
        var ingested = IngestFixtures.events(EventType.DATASET_INGESTED, tenant, 2, Duration.ofSeconds(6)).stream()
                .filter(r -> versionId.equals(r.key())).toList();
        assertEquals(1, ingested.size(), "one event");
        CloudEvent out = mapper.readValue(ingested.get(0).value(), CloudEvent.class);
        assertEquals(event.correlationid(), out.correlationid(), "the correlation id flows on");
    }

    @Test
    void anMskEventDeliveredTwiceIngestsOnce() throws Exception {
        String tenant = IngestFixtures.tenant("msk");
        String key = "uploads/" + tenant + "/season.json";
        store.put(IngestFixtures.UPLOADS, key, IngestFixtures.sampleJson(), "application/json");
        CloudEvent event = request(tenant, key);
        MskEvent msk = MskEvent.of(EventType.INGEST_REQUESTED.topic(), 0, 42, key, mapper.writeValueAsString(event));
        String body = mapper.writeValueAsString(msk);
        given().header(TestTokens.operator()).contentType(ContentType.JSON).body(body).post("/ingestRequested")
                .then().statusCode(204);
        given().header(TestTokens.operator()).contentType(ContentType.JSON).body(body).post("/ingestRequested")
                .then().statusCode(204);
        assertEquals(1, IngestFixtures.versions(tenant));
        assertEquals(1, IngestFixtures.events(EventType.DATASET_INGESTED, tenant, 2, Duration.ofSeconds(6)).size());
    }
}
