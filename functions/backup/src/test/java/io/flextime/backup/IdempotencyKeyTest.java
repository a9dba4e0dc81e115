package io.flextime.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.flextime.core.security.IdempotentDoors;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.core.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on a mutating door (core IdempotentDoors): a retried backupNow with the same key gets the
 * same job (202 again) and makes one backup; the key with another request is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class IdempotencyKeyTest {
    @Inject
    ObjectStore store;

    @Test
    void aRetriedBackupNowWithTheSameKeyMakesOneBackup() throws Exception {
        BackupFixtures.reset(store);
        Header operator = TestTokens.operator();
        try (Connection c = TestDatabase.owner()) {
            BackupFixtures.seedVersion(c, "big12", "mbb-2025", 4);
        }
        String key = "backup-" + UUID.randomUUID();

        ExtractableResponse<Response> first = backupNow(operator, key, "FULL").statusCode(202).extract();
        String jobId = first.path("jobId");
        ExtractableResponse<Response> retry = backupNow(operator, key, "FULL").statusCode(202)
                .header(IdempotentDoors.REPLAYED, "true").extract();
        assertEquals(first.asString(), retry.asString(), "the retry gets the first call's answer: the same job");
        assertEquals(jobId, retry.path("jobId"));
        String backupId = BackupFixtures.awaitJob(operator, jobId).getString("result.backupId");
        BackupFixtures.awaitNoActiveJobs();
        assertEquals(1, count("SELECT count(*) FROM backup_job"), "one job, not two");
        assertEquals(1, count("SELECT count(*) FROM backup_run"), "one backup, not two");
        assertEquals(1, store.list(BackupFixtures.BUCKET, BackupFixtures.PREFIX).stream()
                .filter(o -> o.key().endsWith("manifest.json")).count(), "one backup in S3");

        backupNow(operator, key, "INCREMENTAL").statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("idempotency-key-reused"));
        backupNow(operator, "not a key!", "FULL").statusCode(400).body("code", equalTo("invalid-idempotency-key"));
        assertEquals(1, count("SELECT count(*) FROM backup_job"), "neither refused call queued a job");

        // Another key is another request: a second backup.
        String otherJob = backupNow(operator, "backup-" + UUID.randomUUID(), "FULL").statusCode(202).extract().path("jobId");
        assertNotEquals(jobId, otherJob);
        String other = BackupFixtures.awaitJob(operator, otherJob).getString("result.backupId");
        assertNotEquals(backupId, other);
        assertEquals(2, count("SELECT count(*) FROM backup_run"));
        assertEquals(2, count("SELECT count(*) FROM idempotent_request WHERE door = 'backupNow' AND state = 'DONE' "
                + "AND idem_key LIKE 'backup-%' AND answered_at > now() - interval '10 minutes'"), "both answers kept");
    }

    private static io.restassured.response.ValidatableResponse backupNow(Header operator, String key, String kind) {
        return given().header(operator).header(IdempotentDoors.HEADER, key).contentType(ContentType.JSON)
                .body("{\"kind\": \"" + kind + "\"}").post("/backupNow").then();
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = TestDatabase.owner(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
