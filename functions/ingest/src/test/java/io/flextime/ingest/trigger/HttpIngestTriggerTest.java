package io.flextime.ingest.trigger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.Role;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.ingest.IngestFixtures;
import io.flextime.ingest.store.RequestRateLimit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /ingest: inline seasons, versions with deltas, problems as RFC 9457 JSON, the per-tenant rate limit. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class HttpIngestTriggerTest {
    @Inject
    ObjectMapper mapper;
    @Inject
    RequestRateLimit rateLimit;

    @Test
    void anInlineSeasonIsVersionedAndAChangedOneGetsADelta() throws Exception {
        String tenant = IngestFixtures.tenant("http");
        Header scheduler = TestTokens.auth(tenant, Role.SCHEDULER);
        ObjectNode season = (ObjectNode) mapper.readTree(IngestFixtures.sampleJson());
        String v1 = given().header(scheduler).contentType(ContentType.JSON).body(Map.of("tenant", tenant, "dataset", season)).post("/ingest")
                .then().statusCode(200).body("status", equalTo("INGESTED")).body("versionNumber", equalTo(1))
                .extract().path("versionId");
        given().header(scheduler).contentType(ContentType.JSON).body(Map.of("dataset", season)).post("/ingest")
                .then().statusCode(200).body("status", equalTo("UNCHANGED")).body("versionId", equalTo(v1));

        ((ObjectNode) season.get("teams").get(3)).put("name", "Brigham Young");
        ArrayNode constraints = (ArrayNode) season.get("constraints");
        constraints.remove(constraints.size() - 1);
        ((ObjectNode) season.get("slots").get(0)).put("label", "Opening Friday");
        given().header(scheduler).contentType(ContentType.JSON).body(Map.of("tenant", tenant, "dataset", season)).post("/ingest")
                .then().statusCode(200).body("status", equalTo("INGESTED")).body("versionNumber", equalTo(2));

        String delta = String.valueOf(IngestFixtures.count("SELECT count(*) FROM dataset_version WHERE tenant = '" + tenant
                + "' AND version_number = 2 AND delta->'teamsChanged' = '[\"byu\"]'::jsonb "
                + "AND delta->'constraintsRemoved' = '[\"avoid-weekend-bye-2026-03-07\"]'::jsonb "
                + "AND delta->'slotsChanged' = '[\"s0\"]'::jsonb AND delta->'teamsAdded' = '[]'::jsonb"));
        assertEquals("1", delta, "the delta names what changed");
        assertEquals(2, IngestFixtures.versions(tenant));
    }

    @Test
    void aMissingObjectOrBadRequestIsAProblemNotAStackTrace() {
        String tenant = IngestFixtures.tenant("http404");
        Header scheduler = TestTokens.auth(tenant, Role.SCHEDULER);
        given().header(scheduler).contentType(ContentType.JSON).body(Map.of("tenant", tenant, "bucket", IngestFixtures.UPLOADS,
                        "key", "uploads/" + tenant + "/missing.json")).post("/ingest")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        given().header(scheduler).contentType(ContentType.JSON).body(Map.of("tenant", "Not A Tenant!")).post("/ingest")
                .then().statusCode(403).body("code", equalTo("tenant-mismatch"));
        given().header(scheduler).contentType(ContentType.JSON).body(Map.of("tenant", tenant)).post("/ingest")
                .then().statusCode(400).body("code", equalTo("missing-dataset"));
        given().header(scheduler).contentType(ContentType.JSON).body("{not json").post("/ingest")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, IngestFixtures.versions(tenant));
    }

    @Test
    void eachTenantHasItsOwnRequestBudgetPerMinute() {
        String busy = IngestFixtures.tenant("busy");
        int limit = 1000; // %test.flextime.ingest.http-requests-per-minute
        int accepted = 0;
        ProblemException refused = null;
        for (int i = 0; i < 2 * limit + 5 && refused == null; i++) {
            try {
                rateLimit.acquire(busy);
                accepted++;
            } catch (ProblemException e) {
                refused = e;
            }
        }
        // A minute boundary during the loop resets the window once (hence 2 x limit tries).
        assertTrue(refused != null, "over the budget is refused");
        assertEquals(429, refused.problem().status());
        assertTrue(accepted >= limit, "the whole budget was usable: " + accepted);
        String other = IngestFixtures.tenant("calm");
        rateLimit.acquire(other);
        assertThrows(ProblemException.class, () -> rateLimit.acquire(busy), "still refused");
        List.of();
    }
}
