package io.flextime.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flextime.backup.restore.RestoreRequest;
import io.flextime.backup.restore.RestoreResult;
import io.flextime.backup.restore.RestoreService;
import io.flextime.backup.snapshot.BackupOutcome;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A full backup and two incrementals; the data is changed between them; restores to three points in
 * time each equal the data exactly as it was then (inserts, updates, deletes, cascades, truncates).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class PointInTimeRestoreTest {
    @Inject
    ObjectStore store;
    @Inject
    BackupService backups;
    @Inject
    RestoreService restores;

    @Test
    void anIncrementalChainRestoresToThreePointsInTime() throws Exception {
        BackupFixtures.reset(store);
        UUID first;
        try (Connection c = TestDatabase.owner()) {
            first = BackupFixtures.seedVersion(c, "big12", "mbb-2025", 8);
        }
        BackupOutcome full = backups.backup("FULL", null, Instant.now(), BackupFixtures.actor("pitr"));

        UUID second;
        try (Connection c = TestDatabase.owner(); Statement s = c.createStatement()) {
            second = BackupFixtures.seedVersion(c, "sec", "wbb-2025", 5);
            s.execute("UPDATE team SET name = name || ' (renamed)', venue_id = NULL WHERE position < 3 AND version_id = '" + first + "'");
        }
        Map<String, String> atA = BackupFixtures.fingerprint();
        Instant tA = Instant.now();
        Thread.sleep(20);

        try (Connection c = TestDatabase.owner(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM dataset_version WHERE id = '" + second + "'"); // cascades to team and venue
            s.execute("DELETE FROM dataset WHERE tenant = 'sec'");
            s.execute("UPDATE dataset_version SET status = 'VALIDATED' WHERE id = '" + first + "'");
        }
        Map<String, String> atB = BackupFixtures.fingerprint();
        Instant tB = Instant.now();
        Thread.sleep(20);
        BackupOutcome inc1 = backups.backup("INCREMENTAL", null, Instant.now(), BackupFixtures.actor("pitr"));

        try (Connection c = TestDatabase.owner(); Statement s = c.createStatement()) {
            BackupFixtures.seedVersion(c, "acc", "fb-2025", 3);
            s.execute("TRUNCATE venue");
            s.execute("UPDATE team SET team_id = team_id || 'x' WHERE position = 7"); // a key change
        }
        Map<String, String> atC = BackupFixtures.fingerprint();
        Instant tC = Instant.now();
        Thread.sleep(20);
        try (Connection c = TestDatabase.owner(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM team"); // after tC: must not be in any restore below
        }
        BackupOutcome inc2 = backups.backup("INCREMENTAL", null, Instant.now(), BackupFixtures.actor("pitr"));
        assertEquals("INCREMENTAL", inc1.kind());
        assertEquals(full.backupId(), inc1.parentBackupId());
        assertEquals(inc1.backupId(), inc2.parentBackupId());

        assertRestoresTo(tA, atA, List.of(full.backupId(), inc1.backupId(), inc2.backupId()));
        assertRestoresTo(tB, atB, List.of(full.backupId(), inc1.backupId(), inc2.backupId()));
        assertRestoresTo(tC, atC, List.of(full.backupId(), inc1.backupId(), inc2.backupId()));
    }

    private void assertRestoresTo(Instant t, Map<String, String> expected, List<String> chain) throws Exception {
        String db = "flextime_restore_pitr_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            RestoreResult r = restores.restore(new RestoreRequest(t.toString(), db, null), BackupFixtures.actor("pitr"));
            assertEquals(chain, r.backupIds());
            assertEquals(expected, BackupFixtures.fingerprint(db), "the data as it was at " + t);
        } finally {
            TestDatabase.drop(db);
        }
    }
}
