package io.flextime.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.backup.restore.RestoreRequest;
import io.flextime.backup.restore.RestoreService;
import io.flextime.backup.snapshot.BackupOutcome;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.backup.store.Manifests;
import io.flextime.backup.verify.BackupVerifier;
import io.flextime.backup.verify.VerifyResult;
import io.flextime.backup.format.Manifest;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Backups taken while another connection keeps committing multi-table transactions (a version with
 * exactly 6 teams each) restore to a consistent state (no half transaction) and verify exactly.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ConcurrentWritesTest {
    private static final int TEAMS = 6;

    @Inject
    ObjectStore store;
    @Inject
    BackupService backups;
    @Inject
    RestoreService restores;
    @Inject
    Manifests manifests;
    @Inject
    BackupVerifier verifier;

    @Test
    void backupsDuringWritesRestoreConsistently() throws Exception {
        BackupFixtures.reset(store);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Connection c = TestDatabase.owner()) {
                c.setAutoCommit(false);
                while (!stop.get()) {
                    BackupFixtures.seedVersion(c, "big12", "s-" + UUID.randomUUID(), TEAMS);
                    c.commit();
                    committed.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        try {
            while (committed.get() < 20) {
                Thread.sleep(10);
            }
            BackupOutcome full = backups.backup("FULL", null, Instant.now(), BackupFixtures.actor("concurrent"));
            BackupOutcome inc = backups.backup("INCREMENTAL", null, Instant.now(), BackupFixtures.actor("concurrent"));
            assertEquals(full.backupId(), inc.parentBackupId());
            for (BackupOutcome b : new BackupOutcome[] { full, inc }) {
                Manifest m = manifests.read(b.backupId());
                String db = "flextime_restore_conc_" + UUID.randomUUID().toString().substring(0, 8);
                try {
                    restores.restore(new RestoreRequest(m.snapshotAt().toString(), db, null), BackupFixtures.actor("concurrent"));
                    try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement()) {
                        ResultSet broken = s.executeQuery("SELECT count(*) FROM dataset_version v WHERE (SELECT count(*) FROM team t "
                                + "WHERE t.version_id = v.id) <> " + TEAMS);
                        broken.next();
                        assertEquals(0, broken.getLong(1), "no half-restored transaction in " + b.backupId());
                        ResultSet versions = s.executeQuery("SELECT count(*) FROM dataset_version");
                        versions.next();
                        long restored = versions.getLong(1);
                        long inManifest = m.tables().stream().filter(t -> t.name().equals("dataset_version")).findFirst()
                                .orElseThrow().rowsAtSnapshot();
                        // T = snapshotAt: the snapshot's state plus what was already committing at T
                        assertTrue(restored >= inManifest && restored >= 20, restored + " versions restored, snapshot had " + inManifest);
                        assertTrue(restored <= committed.get(), "nothing committed after the restore point");
                    }
                } finally {
                    TestDatabase.drop(db);
                }
                // the exact state of the backup: loaded in a scratch database, counts compared with the manifest
                VerifyResult v = verifier.verify(b.backupId(), BackupFixtures.actor("concurrent"));
                assertTrue(v.ok(), () -> b.backupId() + ": " + v.mismatches());
            }
        } finally {
            stop.set(true);
            writer.join();
        }
    }
}
