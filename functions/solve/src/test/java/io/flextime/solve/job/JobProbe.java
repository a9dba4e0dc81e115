package io.flextime.solve.job;

import static io.restassured.RestAssured.given;

import io.flextime.core.security.Role;
import io.flextime.core.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import io.flextime.core.testing.TestDatabase;

/** Drives jobs through the HTTP functions of a solve process and reads what it stored. */
final class JobProbe {
    /** Objectives as doubles: RestAssured's default (float) would round them to 7 digits. */
    private static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);
    private final Integer port;

    /** {@code port} null: the test's own app (RestAssured's configured port). */
    JobProbe(Integer port) {
        this.port = port;
    }

    /** A call as the tenant's scheduler. */
    private RequestSpecification call(String tenant) {
        RequestSpecification spec = given().header(TestTokens.auth(tenant, Role.SCHEDULER)).contentType(ContentType.JSON);
        return port == null ? spec : spec.port(port);
    }

    JsonPath start(Map<String, Object> request) {
        return call((String) request.get("tenant")).body(request).post("/startSolve").then().statusCode(200).extract()
                .jsonPath().using(DOUBLES);
    }

    JsonPath status(String tenant, String jobId) {
        return call(tenant).body(Map.of("tenant", tenant, "jobId", jobId)).post("/solveStatus").then().statusCode(200)
                .extract().jsonPath().using(DOUBLES);
    }

    JsonPath cancel(String tenant, String jobId) {
        return call(tenant).body(Map.of("tenant", tenant, "jobId", jobId)).post("/cancelSolve").then().statusCode(200)
                .extract().jsonPath().using(DOUBLES);
    }

    /** continueSolve as the tenant's scheduler; the caller checks the answer's status code. */
    io.restassured.response.ValidatableResponse continueSolve(String tenant, String jobId, int timeBudgetSeconds) {
        return call(tenant).body(Map.of("tenant", tenant, "jobId", jobId, "timeBudgetSeconds", timeBudgetSeconds))
                .post("/continueSolve").then();
    }

    /** Polls the job's status until {@code done} holds; fails with the last status after {@code timeout}. */
    JsonPath await(String tenant, String jobId, Predicate<JsonPath> done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < end) {
            last = status(tenant, jobId);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + jobId + " did not get there within " + timeout + "; last status: "
                + (last == null ? null : last.prettify()));
    }

    /** Finished, one way or another: tests wait for this, then assert the status they expect. */
    static final Predicate<JsonPath> FINISHED = inStatus("SOLVED", "INFEASIBLE", "UNFINISHED", "CANCELLED", "FAILED");

    static Predicate<JsonPath> inStatus(String... statuses) {
        return j -> java.util.Arrays.asList(statuses).contains(j.getString("status"));
    }

    static Map<String, Object> request(String tenant, UUID versionId, int budgetSeconds, long seed) {
        return Map.of("tenant", tenant, "versionId", versionId.toString(), "timeBudgetSeconds", budgetSeconds,
                "seed", seed, "workers", 2);
    }

    /** Rows of a table for one job or version, as the schema owner (bypassing RLS). */
    static int count(String sql, Object arg) throws Exception {
        try (Connection c = TestDatabase.owner(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
