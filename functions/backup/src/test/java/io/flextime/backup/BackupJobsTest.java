package io.flextime.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.core.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * backupNow, verifyBackup and restore as jobs (README "Jobs"): 202 and a job id at once, the job ends
 * SUCCEEDED with the operation's answer or FAILED with the reason, and a job whose process died runs
 * again (a restore is failed instead) when runBackupJobs sweeps.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class BackupJobsTest {
    @Inject
    ObjectStore store;

    @Test
    void backupNowAnswers202AtOnceAndItsJobEndsWithTheBackup() throws Exception {
        BackupFixtures.reset(store);
        Header operator = TestTokens.operator();
        try (Connection c = TestDatabase.owner()) {
            BackupFixtures.seedVersion(c, "big12", "mbb-2025", 8);
        }
        long start = System.nanoTime();
        Response accepted = given().header(operator).contentType(ContentType.JSON).body(Map.of("kind", "FULL")).post("/backupNow");
        double seconds = (System.nanoTime() - start) / 1e9;
        accepted.then().statusCode(202).body("state", equalTo("QUEUED")).body("operation", equalTo("BACKUP"))
                .body("request.kind", equalTo("FULL"));
        assertTrue(seconds < 1.0, "answered in " + seconds + " s");
        String jobId = accepted.path("jobId");

        JsonPath done = BackupFixtures.awaitJob(operator, jobId);
        assertEquals("SUCCEEDED", done.getString("state"), done.prettify());
        assertEquals(1, done.getInt("attempts"));
        assertNotNull(done.getString("startedAt"));
        assertNotNull(done.getString("endedAt"));
        assertNull(done.getString("error"));
        String backupId = done.getString("result.backupId");
        assertTrue(backupId.startsWith("bk-") && backupId.endsWith(jobId.substring(0, 8)), backupId);
        assertEquals("FULL", done.getString("result.kind"));
        assertEquals("COMPLETED", text("SELECT status FROM backup_run WHERE backup_id = ?", backupId));
        assertEquals("job:" + jobId, text("SELECT window_key FROM backup_run WHERE backup_id = ?", backupId));
        assertEquals("ok", text("SELECT outcome FROM audit_event WHERE action = 'backupNow' AND target->>'jobId' = ?", jobId),
                "asking for the job is in the audit trail");

        JsonPath verified = BackupFixtures.job(operator, "verifyBackup", Map.of("backupId", backupId));
        assertEquals("SUCCEEDED", verified.getString("state"), verified.prettify());
        assertEquals("VERIFY", verified.getString("operation"));
        assertTrue(verified.getBoolean("result.ok"), verified.prettify());
        assertEquals(backupId, verified.getString("result.backupId"));
    }

    @Test
    void aFailingJobShowsFailedWithItsReason() throws Exception {
        BackupFixtures.reset(store);
        Header operator = TestTokens.operator();
        // Restoring a time before any backup: found only when it runs (the plan needs the backups).
        String target = "flextime_restore_jobs_" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath restore = BackupFixtures.job(operator, "restore", Map.of("targetDatabase", target, "targetTime", "2001-01-01T00:00:00Z"));
        assertEquals("FAILED", restore.getString("state"), restore.prettify());
        assertNull(restore.get("result"));
        assertTrue(restore.getString("error").startsWith("no-backup: "), restore.getString("error"));
        assertNull(text("SELECT datname FROM pg_database WHERE datname = ?", target), "a failed restore leaves no database");

        // A verification that ran is a job that SUCCEEDED; its outcome says whether the backup is good.
        String missing = "bk-20000101T000000Z-full-gone";
        JsonPath verified = BackupFixtures.job(operator, "verifyBackup", Map.of("backupId", missing));
        assertEquals("SUCCEEDED", verified.getString("state"), verified.prettify());
        assertEquals(false, verified.getBoolean("result.ok"));
        assertTrue(verified.getString("result.mismatches[0]").contains(missing), verified.prettify());

        // What can be checked at once is refused at once, with no job.
        given().header(operator).contentType(ContentType.JSON).body(Map.of("targetDatabase", "flextime_app_data")).post("/restore")
                .then().statusCode(400).body("code", equalTo("invalid-targetDatabase"));
        given().header(operator).contentType(ContentType.JSON).body(Map.of("kind", "WEEKLY")).post("/backupNow")
                .then().statusCode(400).body("code", equalTo("invalid-kind"));
        assertEquals("2", text("SELECT count(*)::text FROM backup_job"), "only the two jobs above");

        given().header(operator).contentType(ContentType.JSON).body(Map.of("jobId", UUID.randomUUID().toString())).post("/backupJob")
                .then().statusCode(404);
        given().header(operator).contentType(ContentType.JSON).body(Map.of("jobId", "42")).post("/backupJob")
                .then().statusCode(400).body("code", equalTo("invalid-job-id"));
    }

    @Test
    void aJobLeftRunningByADeadProcessRunsAgainOrFails() throws Exception {
        BackupFixtures.reset(store);
        Header operator = TestTokens.operator();
        UUID backup = UUID.randomUUID();
        UUID restore = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        // As a killed process leaves them: RUNNING, its lease run out; one whose process still renews it.
        insertRunning(backup, "BACKUP", "{\"kind\": \"FULL\"}", 3, "-1 minute");
        insertRunning(restore, "RESTORE", "{\"targetDatabase\": \"flextime_restore_dead_x\"}", 1, "-1 minute");
        insertRunning(alive, "BACKUP", "{\"kind\": \"FULL\"}", 3, "+5 minutes");
        try {
            JsonPath report = given().header(operator).contentType(ContentType.JSON)
                    .body(Map.of("id", "sweep-" + UUID.randomUUID(), "detail-type", "Scheduled Event", "source", "aws.events",
                            "time", Instant.now().toString(), "detail", Map.of()))
                    .post("/runBackupJobs").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(backup.toString()), report.getList("ran.jobId"), report.prettify());
            assertEquals(List.of(restore.toString()), report.getList("abandoned.jobId"), report.prettify());

            JsonPath rerun = BackupFixtures.awaitJob(operator, backup.toString());
            assertEquals("SUCCEEDED", rerun.getString("state"), rerun.prettify());
            assertEquals(2, rerun.getInt("attempts"), "run again after the dead process' attempt");
            assertTrue(rerun.getString("result.backupId").startsWith("bk-"));

            JsonPath abandoned = BackupFixtures.awaitJob(operator, restore.toString());
            assertEquals("FAILED", abandoned.getString("state"));
            assertTrue(abandoned.getString("error").startsWith("the process running it stopped"), abandoned.getString("error"));
            assertTrue(abandoned.getString("error").contains("drop its target database"), abandoned.getString("error"));

            JsonPath untouched = given().header(operator).contentType(ContentType.JSON).body(Map.of("jobId", alive.toString()))
                    .post("/backupJob").then().statusCode(200).extract().jsonPath();
            assertEquals("RUNNING", untouched.getString("state"), "a job with a live lease is its process' own");
            assertEquals(1, untouched.getInt("attempts"));
        } finally {
            try (Connection c = TestDatabase.owner();
                    PreparedStatement s = c.prepareStatement("UPDATE backup_job SET state = 'FAILED' WHERE job_id = ?")) {
                s.setObject(1, alive);
                s.executeUpdate();
            }
        }
    }

    private static void insertRunning(UUID jobId, String operation, String request, int maxAttempts, String leaseFromNow)
            throws SQLException {
        try (Connection c = TestDatabase.owner(); PreparedStatement s = c.prepareStatement("INSERT INTO backup_job (job_id, operation, "
                + "request, state, requested_by, correlation_id, attempts, max_attempts, lease_owner, lease_until, started_at, "
                + "heartbeat_at) VALUES (?, ?, ?::jsonb, 'RUNNING', 'test-operator', ?, 1, ?, 'backup-killed', "
                + "now() + ?::interval, now() - interval '3 minutes', now() - interval '3 minutes')")) {
            s.setObject(1, jobId);
            s.setString(2, operation);
            s.setString(3, request);
            s.setString(4, "dead-" + jobId);
            s.setInt(5, maxAttempts);
            s.setString(6, leaseFromNow);
            s.executeUpdate();
        }
    }

    private static String text(String sql, String arg) throws SQLException {
        try (Connection c = TestDatabase.owner(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = TestDatabase.owner(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
