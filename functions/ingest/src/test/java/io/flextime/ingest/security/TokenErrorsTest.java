package io.flextime.ingest.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flextime.core.security.Role;
import io.flextime.core.testing.AuditRows;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestTokens;
import io.flextime.tools.LocalIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every way a token can be wrong gets 401 problem JSON (RFC 9457) with {@code WWW-Authenticate: Bearer},
 * before the door runs, and a record in the platform tenant's audit trail; RS256 and ES256 tokens of the
 * trusted provider both pass.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class TokenErrorsTest {
    private static final String TENANT = "tokens-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void noToken() {
        refused(null, "unauthenticated");
    }

    @Test
    void aSignatureByAKeyNobodyTrusts() {
        refused(LocalIdentity.untrusted().token("mallory", tenant(), roles()).sign(), "invalid-token");
    }

    @Test
    void anExpiredToken() {
        refused(TestTokens.identity().token("late", tenant(), roles()).issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .ttl(Duration.ofHours(1)).sign(), "invalid-token");
    }

    @Test
    void anotherAudience() {
        refused(TestTokens.identity().token("elsewhere", tenant(), roles()).audience("another-service").sign(), "invalid-token");
    }

    @Test
    void aTenantFlexTimeDoesNotServe() {
        refused(TestTokens.identity().token("stranger", "never-registered-" + UUID.randomUUID().toString().substring(0, 8),
                roles()).sign(), "unknown-tenant");
    }

    @Test
    void noTenantClaimAtAll() {
        refused(TestTokens.identity().token("nobody", null, roles()).sign(), "unknown-tenant");
    }

    @Test
    void notABearerTokenAtAll() {
        refused("not.a.jwt", "invalid-token");
    }

    @Test
    void anEs256TokenOfTheTrustedProviderIsAccepted() {
        String token = TestTokens.identity().token("ec", tenant(), roles()).algorithm(LocalIdentity.ES256).sign();
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{}")
                .post("/pipelineRuns").then().statusCode(200);
        refused(LocalIdentity.untrusted().token("mallory", tenant(), roles()).algorithm(LocalIdentity.ES256).sign(), "invalid-token");
    }

    @Test
    void aLifetimeOverADay() {
        refused(TestTokens.identity().token("forever", tenant(), roles()).ttl(Duration.ofHours(25)).sign(), "invalid-token");
    }

    private static String tenant() {
        TestTokens.register(TENANT);
        return TENANT;
    }

    private static List<String> roles() {
        return TestTokens.claims(Role.VIEWER);
    }

    private static void refused(String token, String code) {
        String correlationId = UUID.randomUUID().toString();
        RequestSpecification request = given().header("X-Correlation-Id", correlationId).contentType(ContentType.JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.body("{}").post("/pipelineRuns").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("code", equalTo(code));
        List<AuditRows.Row> rows = AuditRows.awaitByCorrelation(correlationId, 1, Duration.ofSeconds(5));
        assertEquals(1, rows.size(), "one audit record of the refusal: " + rows);
        AuditRows.Row row = rows.get(0);
        assertEquals(List.of("flextime", "pipelineRuns", "refused", 401), List.of(row.tenant(), row.action(), row.outcome(),
                row.status()), "recorded in the platform tenant's trail: " + row);
    }
}
