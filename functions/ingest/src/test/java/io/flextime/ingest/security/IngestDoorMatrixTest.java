package io.flextime.ingest.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.security.Door;
import io.flextime.core.security.Role;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.DoorMatrix;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.core.trigger.MskEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.IngestRequested;
import io.flextime.ingest.IngestFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** ingest's doors × roles × own/other tenant, from the Door table (DoorMatrix). */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class IngestDoorMatrixTest {
    private static final String TENANT = IngestFixtures.tenant("matrix");

    @Inject
    ObjectStore store;
    @Inject
    EventPublisher publisher;
    @Inject
    ObjectMapper mapper;

    @Test
    void everyFunqIsARowOfTheDoorTable() {
        DoorMatrix.assertEveryFunqGuarded("ingest");
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        String run = firstRun();
        return DoorMatrix.of("ingest", TENANT, Map.of(
                Door.INGEST, (tenant, id) -> Map.of("tenant", tenant, "dataset", season()),
                Door.INGEST_UPLOAD, (tenant, id) -> IngestFixtures.s3Event(IngestFixtures.UPLOADS, upload(tenant), 1),
                Door.INGEST_REQUESTED, (tenant, id) -> mskRequest(TENANT, id),
                Door.PIPELINE_RUNS, (tenant, id) -> Map.of("tenant", tenant),
                Door.PIPELINE_RUN, (tenant, id) -> Map.of("tenant", tenant, "correlationId", run),
                Door.AUDIT_EVENTS, (tenant, id) -> Map.of("tenant", tenant, "limit", 5),
                Door.REGISTER_TENANT, (tenant, id) -> Map.of("id", IngestFixtures.tenant("registered"), "name", "A conference")));
    }

    /** A run of the own tenant, for pipelineRun. */
    private String firstRun() {
        String correlationId = UUID.randomUUID().toString();
        given().header(TestTokens.auth(TENANT, Role.SCHEDULER)).header("X-Correlation-Id", correlationId)
                .contentType(ContentType.JSON).body(Map.of("dataset", season())).post("/ingest").then().statusCode(200);
        return correlationId;
    }

    /** The sample season under a fresh name: a new version each time. */
    private ObjectNode season() {
        try {
            ObjectNode season = (ObjectNode) mapper.readTree(IngestFixtures.sampleJson());
            season.put("name", "Matrix " + UUID.randomUUID());
            return season;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new upload under the tenant's prefix (only the own tenant's is ever read). */
    private String upload(String tenant) {
        String key = "uploads/" + tenant + "/" + UUID.randomUUID() + ".json";
        if (tenant.equals(TENANT)) {
            store.put(IngestFixtures.UPLOADS, key, season().toString().getBytes(), "application/json");
        }
        return key;
    }

    private MskEvent mskRequest(String tenant, String correlationId) {
        String key = upload(tenant);
        try {
            String event = mapper.writeValueAsString(publisher.create(EventType.INGEST_REQUESTED, key, tenant, correlationId,
                    null, new IngestRequested(tenant, IngestFixtures.UPLOADS, key, null, "matrix")));
            return MskEvent.of(EventType.INGEST_REQUESTED.topic(), 0, 1, key, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
