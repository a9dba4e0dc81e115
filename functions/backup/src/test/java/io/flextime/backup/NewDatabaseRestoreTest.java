package io.flextime.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.backup.crypto.BackupIntegrityException;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.restore.RestoreRequest;
import io.flextime.backup.restore.RestoreService;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.backup.store.Manifests;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.AuditRows;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A restore into a database it creates loads on several connections (one table's rows spread over
 * them, a line longer than a COPY block kept whole) and opens the database only when complete; when
 * it fails, the database is gone. A failed restore into an existing database changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class NewDatabaseRestoreTest {
    /** About 1.3 MiB of team lines, plus one line of about 2.4 MiB: several 1 MiB COPY blocks. */
    private static final int TEAMS = 9_000;

    @Inject
    ObjectStore store;
    @Inject
    BackupService backups;
    @Inject
    RestoreService restores;
    @Inject
    Manifests manifests;

    @Test
    void aNewDatabaseIsLoadedOnSeveralConnectionsAndOpenedWhenComplete() throws Exception {
        BackupFixtures.reset(store);
        try (Connection c = TestDatabase.owner()) {
            UUID version = BackupFixtures.seedVersion(c, "big12", "mbb-2025", TEAMS);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO team (version_id, tenant, team_id, position, name, time_zone, "
                    + "attributes) VALUES (?, 'big12', 'LONG', ?, 'Long line', 'UTC', jsonb_build_object('blob', repeat('ab\tc', 400000)))")) {
                p.setObject(1, version);
                p.setInt(2, TEAMS);
                p.executeUpdate(); // one line of 2 MB: longer than a block
            }
        }
        Map<String, String> before = withoutEventLog(BackupFixtures.fingerprint());
        List<String> keysBefore;
        try (Connection c = TestDatabase.owner()) {
            keysBefore = BackupFixtures.keysAndIndexes(c);
        }
        String backupId = backups.backup("FULL", null, Instant.now(), BackupFixtures.actor("new-db")).backupId();
        long teamBytes = manifests.read(backupId).tables().stream().filter(t -> t.name().equals("team")).findFirst().orElseThrow()
                .plaintextBytes();
        assertTrue(teamBytes > 2 << 20, "team's plaintext spans several blocks: " + teamBytes);

        String db = "flextime_restore_newdb_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            restores.restore(new RestoreRequest(null, db, null), BackupFixtures.actor("new-db"));
            assertEquals(before, withoutEventLog(BackupFixtures.fingerprint(db)), "every row is back");
            try (Connection c = TestDatabase.owner(db)) {
                assertEquals(keysBefore, BackupFixtures.keysAndIndexes(c), "keys and indexes are all rebuilt");
            }
            try (Connection app = TestDatabase.app(db)) {
                assertTrue(app.isValid(5), "the complete database is open to the app role again");
            }
            assertNull(comment(db), "no unfinished-restore mark is left");
        } finally {
            TestDatabase.drop(db);
        }
    }

    @Test
    void aFailedRestoreIntoANewDatabaseLeavesNoDatabase() throws Exception {
        String backupId = backUpAndTamper();
        String db = "flextime_restore_newdb_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            BackupIntegrityException e = assertThrows(BackupIntegrityException.class,
                    () -> restores.restore(new RestoreRequest(null, db, null), BackupFixtures.actor("new-db")));
            assertTrue(e.getMessage().contains(backupId), e.getMessage());
            assertFalse(exists(db), "the half-loaded database was dropped");
        } finally {
            TestDatabase.drop(db);
        }
    }

    @Test
    void aRestoreIntoTheLiveOrAnyExistingDatabaseIsRefusedAndChangesNothing() throws Exception {
        backUpAndTamper();
        try (Connection c = TestDatabase.owner()) {
            BackupFixtures.seedVersion(c, "sec", "wbb-2025", 5); // the live state differs from the backup
        }
        Map<String, String> before = withoutEventLog(BackupFixtures.fingerprint());
        ProblemException live = assertThrows(ProblemException.class,
                () -> restores.restore(new RestoreRequest(null, LocalStack.TEST_DB, null), BackupFixtures.actor("live-db")));
        assertEquals(List.of(403, "live-database"), List.of(live.problem().status(), live.problem().code()));
        List<AuditRows.Row> refused = AuditRows.byCorrelation("live-db");
        assertEquals(1, refused.stream().filter(r -> r.outcome().equals("refused") && r.status() == 403).count(), refused.toString());
        ProblemException other = assertThrows(ProblemException.class,
                () -> restores.restore(new RestoreRequest(null, "flextime_app_data", null), BackupFixtures.actor("other-db")));
        assertEquals(400, other.problem().status(), "only flextime_restore_* names");
        String existing = "flextime_restore_existing_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = TestDatabase.owner("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + existing);
        }
        try {
            ProblemException taken = assertThrows(ProblemException.class,
                    () -> restores.restore(new RestoreRequest(null, existing, null), BackupFixtures.actor("existing-db")));
            assertEquals(List.of(409, "target-exists"), List.of(taken.problem().status(), taken.problem().code()));
        } finally {
            TestDatabase.drop(existing);
        }
        assertEquals(before, withoutEventLog(BackupFixtures.fingerprint()), "the live database is as it was");
    }

    /** A full backup whose team object has one modified byte. */
    private String backUpAndTamper() throws SQLException {
        BackupFixtures.reset(store);
        try (Connection c = TestDatabase.owner()) {
            BackupFixtures.seedVersion(c, "big12", "mbb-2025", 40);
        }
        String backupId = backups.backup("FULL", null, Instant.now(), BackupFixtures.actor("new-db")).backupId();
        Manifest m = manifests.read(backupId);
        String teamKey = m.tables().stream().filter(t -> t.name().equals("team")).findFirst().orElseThrow().objectKey();
        byte[] bytes = store.getBytes(BackupFixtures.BUCKET, teamKey);
        bytes[bytes.length - 20] ^= 0x01;
        store.put(BackupFixtures.BUCKET, teamKey, bytes, "application/octet-stream");
        return backupId;
    }

    private static boolean exists(String db) throws SQLException {
        try (Connection c = TestDatabase.owner("postgres");
                PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            p.setString(1, db);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String comment(String db) throws SQLException {
        try (Connection c = TestDatabase.owner("postgres");
                PreparedStatement p = c.prepareStatement("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            p.setString(1, db);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** pipeline_event logs the events of this very test: not part of the comparison. */
    /** The logs this very test adds to: the pipeline's events and the audit trail (its refusals, its backups). */
    private static Map<String, String> withoutEventLog(Map<String, String> fingerprint) {
        fingerprint.remove("pipeline_event");
        fingerprint.remove("audit_event");
        return fingerprint;
    }
}
