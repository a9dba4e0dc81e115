package io.flextime.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.core.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Full backup → restore into a new database gives identical data (never over the live one); the backup is announced and listed. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class FullBackupRestoreTest {
    @Inject
    ObjectStore store;

    @Test
    void fullBackupThenWipeThenRestoreGivesIdenticalData() throws Exception {
        BackupFixtures.reset(store);
        Header operator = TestTokens.operator(); // registers the platform tenant: part of the data backed up
        try (Connection c = TestDatabase.owner()) {
            BackupFixtures.seedVersion(c, "big12", "mbb-2025", 16);
            BackupFixtures.seedVersion(c, "sec", "wbb-2025", 14);
        }
        Map<String, String> before = withoutEventLog(BackupFixtures.fingerprint());
        List<String> keysBefore;
        try (Connection c = TestDatabase.owner()) {
            keysBefore = BackupFixtures.keysAndIndexes(c);
        }
        assertTrue(keysBefore.stream().anyMatch(k -> k.contains("FOREIGN KEY")) && keysBefore.stream().anyMatch(k -> k.contains("PRIMARY KEY")),
                "the schema has keys to rebuild: " + keysBefore);

        JsonPath job = BackupFixtures.job(operator, "backupNow", Map.of("kind", "FULL"));
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        JsonPath backup = job.setRootPath("result");
        String backupId = backup.getString("backupId");
        assertEquals("FULL", backup.getString("kind"));
        assertEquals(2 + 2 + 30 + 2 + 1 + 1, backup.getLong("rows"),
                "2 datasets, 2 versions, 30 teams, 2 venues, the platform tenant, the audit record of the backup's job");

        // Never over the live database: refused, recorded, nothing touched.
        given().header(operator).contentType(ContentType.JSON)
                .body("{\"targetDatabase\": \"" + LocalStack.TEST_DB + "\"}").post("/restore")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("live-database"));
        Map<String, String> live = withoutEventLog(BackupFixtures.fingerprint());
        live.remove("audit_event"); // it records the backup and the refusal
        Map<String, String> expected = new java.util.HashMap<>(before);
        expected.remove("audit_event");
        assertEquals(expected, live, "the live database is untouched");

        String target = "flextime_restore_full_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            JsonPath restoreJob = BackupFixtures.job(operator, "restore", Map.of("targetDatabase", target));
            assertEquals("SUCCEEDED", restoreJob.getString("state"), restoreJob.prettify());
            JsonPath restored = restoreJob.setRootPath("result");
            assertEquals(List.of(backupId), restored.getList("backupIds"));
            Map<String, String> restoredTables = withoutEventLog(BackupFixtures.fingerprint(target));
            // The job was recorded (with its audit record) before the backup's snapshot: one audit row more.
            assertEquals(count(before.get("audit_event")) + 1, count(restoredTables.remove("audit_event")),
                    "the audit trail as it was, and the record of the backup's job");
            Map<String, String> beforeTables = new java.util.HashMap<>(before);
            beforeTables.remove("audit_event");
            assertEquals(beforeTables, restoredTables, "every table is back, row for row");
            try (Connection c = TestDatabase.owner(target)) {
                assertEquals(keysBefore, BackupFixtures.keysAndIndexes(c), "the keys and indexes dropped for the load are all rebuilt");
            }
            assertFalse(KafkaProbe.read("restore.completed.v1", r -> r.value().contains(restored.getString("restoreId")),
                    l -> !l.isEmpty(), Duration.ofSeconds(20)).isEmpty(), "restore.completed was published");
        } finally {
            TestDatabase.drop(target);
        }

        List<String> listed = given().header(operator).post("/listBackups").then().statusCode(200).extract().jsonPath().getList("backupId");
        assertTrue(listed.contains(backupId));
        assertFalse(KafkaProbe.read("backup.completed.v1", r -> r.value().contains(backupId), l -> !l.isEmpty(),
                Duration.ofSeconds(20)).isEmpty(), "backup.completed was published");
    }

    /** The row count of a table's fingerprint ("count:md5"). */
    private static long count(String fingerprint) {
        return Long.parseLong(fingerprint.substring(0, fingerprint.indexOf(':')));
    }

    /** pipeline_event logs the events of this very test (backup.completed after the snapshot): not part of the comparison. */
    private static Map<String, String> withoutEventLog(Map<String, String> fingerprint) {
        fingerprint.remove("pipeline_event");
        return fingerprint;
    }
}
