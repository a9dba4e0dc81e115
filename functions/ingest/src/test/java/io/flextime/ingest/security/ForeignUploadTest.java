package io.flextime.ingest.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flextime.core.security.Role;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.AuditRows;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.ingest.IngestFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tenant cannot ingest another tenant's upload (nor anything outside its own {@code uploads/<tenant>/}):
 * refused with 403 before any S3 call, the same answer whether the object exists or not, the object
 * untouched, the refusal in the caller's audit trail.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ForeignUploadTest {
    @Inject
    ObjectStore store;

    @Test
    void anotherTenantsUploadIsRefusedAndLeftAsItWas() throws Exception {
        String victim = IngestFixtures.tenant("victim");
        String mallory = IngestFixtures.tenant("mallory");
        String key = "uploads/" + victim + "/season.json";
        byte[] json = IngestFixtures.sampleJson();
        store.put(IngestFixtures.UPLOADS, key, json, "application/json");
        Header token = TestTokens.auth(mallory, Role.SCHEDULER);

        String present = refusedIngest(token, IngestFixtures.UPLOADS, key);
        String absent = refusedIngest(token, IngestFixtures.UPLOADS, "uploads/" + victim + "/no-such-file.json");
        assertEquals(present, absent, "whether the foreign object exists is not told");
        refusedIngest(token, IngestFixtures.DATA, "raw/" + victim + "/x/season.json");
        refusedIngest(token, IngestFixtures.UPLOADS, "uploads/" + mallory + "/../" + victim + "/season.json");

        // The upload command's path: the S3 notification posted with the uploader's token.
        String correlationId = UUID.randomUUID().toString();
        given().header(token).header("X-Correlation-Id", correlationId).contentType(ContentType.JSON)
                .body(IngestFixtures.s3Event(IngestFixtures.UPLOADS, key, json.length)).post("/ingestUpload")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden-object"));

        assertArrayEquals(json, store.getBytes(IngestFixtures.UPLOADS, key), "the victim's upload is untouched");
        assertEquals(0, IngestFixtures.versions(victim));
        assertEquals(0, IngestFixtures.versions(mallory));
        assertEquals(0, IngestFixtures.count("SELECT count(*) FROM ingest_attempt WHERE tenant IN ('" + victim + "', '"
                + mallory + "')"), "nothing quarantined");
        List<AuditRows.Row> rows = AuditRows.byCorrelation(correlationId);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(List.of(mallory, "ingestUpload", "refused", 403), List.of(rows.get(0).tenant(), rows.get(0).action(),
                rows.get(0).outcome(), rows.get(0).status()));
    }

    private static String refusedIngest(Header token, String bucket, String key) {
        return given().header(token).contentType(ContentType.JSON).body(Map.of("bucket", bucket, "key", key)).post("/ingest")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden-object"))
                .extract().path("detail");
    }
}
