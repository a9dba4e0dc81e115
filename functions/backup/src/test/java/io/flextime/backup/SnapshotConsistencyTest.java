package io.flextime.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.backup.format.Manifest;
import io.flextime.backup.format.TableEntry;
import io.flextime.backup.restore.RestoreRequest;
import io.flextime.backup.restore.RestoreService;
import io.flextime.backup.snapshot.BackupOutcome;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.backup.store.Manifests;
import io.flextime.backup.verify.BackupVerifier;
import io.flextime.backup.verify.VerifyResult;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A full backup copies the tables on two connections in one exported snapshot. While it runs, another
 * connection keeps moving rows between pages (updates write the new version elsewhere) and replacing
 * rows (delete + insert), each transaction keeping the row count and the sum of scores. A read that saw
 * rows of two states would count a moved row twice or not at all; in the snapshot the backup holds
 * exactly the row count and the sum, each row once, and verifies.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class SnapshotConsistencyTest {
    private static final int ROWS = 4000;

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
    void rowsMovedBetweenPagesDuringTheBackupAppearExactlyOnce() throws Exception {
        BackupFixtures.reset(store);
        UUID version;
        long sum;
        try (Connection c = TestDatabase.owner(); Statement s = c.createStatement()) {
            version = BackupFixtures.seedVersion(c, "big12", "moving rows", 2);
            BackupFixtures.historicalGames(s, version, 1, ROWS, "'Home ' || i");
            ResultSet rs = s.executeQuery("SELECT sum(home_score), pg_relation_size('historical_game') / 8192 FROM historical_game");
            rs.next();
            sum = rs.getLong(1);
            assertTrue(rs.getLong(2) >= 20, "the table spans many pages: " + rs.getLong(2) + " pages");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger moved = new AtomicInteger();
        AtomicReference<Exception> writerFailed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = TestDatabase.owner();
                    PreparedStatement shift = c.prepareStatement("UPDATE historical_game SET home_score = home_score + ? WHERE row_number = ?");
                    PreparedStatement replace = c.prepareStatement("WITH gone AS (DELETE FROM historical_game WHERE row_number = "
                            + "(SELECT min(row_number) FROM historical_game) RETURNING *) INSERT INTO historical_game SELECT version_id, "
                            + "tenant, (SELECT max(row_number) + 1 FROM historical_game), season, game_date, home_team, away_team, "
                            + "home_score, away_score, venue_id, neutral FROM gone")) {
                c.setAutoCommit(false);
                long next = ROWS + 1;
                while (!stop.get()) {
                    // one point moves from a row to another (both get new versions on other pages), and the oldest row is replaced
                    int from = ThreadLocalRandom.current().nextInt(1, ROWS);
                    shift.setInt(1, -1);
                    shift.setLong(2, from + (next - ROWS - 1));
                    shift.executeUpdate();
                    shift.setInt(1, 1);
                    shift.setLong(2, next - 1);
                    shift.executeUpdate();
                    replace.executeUpdate();
                    c.commit();
                    next++;
                    moved.incrementAndGet();
                }
            } catch (Exception e) {
                writerFailed.set(e);
            }
        });
        writer.start();
        try {
            while (moved.get() < 50 && writerFailed.get() == null) {
                Thread.sleep(10);
            }
            for (int round = 0; round < 2; round++) {
                int before = moved.get();
                BackupOutcome b = backups.backup("FULL", null, Instant.now(), BackupFixtures.actor("ranges"));
                assertTrue(moved.get() > before, "rows were moved while the backup ran");
                Manifest m = manifests.read(b.backupId());
                TableEntry games = m.tables().stream().filter(t -> t.name().equals("historical_game")).findFirst().orElseThrow();
                assertEquals(ROWS, games.rows(), "lines of historical_game in " + b.backupId());
                String db = "flextime_restore_ranges_" + UUID.randomUUID().toString().substring(0, 8);
                try {
                    restores.restore(new RestoreRequest(null, db, null), BackupFixtures.actor("ranges"));
                    try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement()) {
                        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT row_number), sum(home_score) FROM historical_game");
                        rs.next();
                        assertEquals(ROWS, rs.getLong(1), "rows restored from " + b.backupId());
                        assertEquals(ROWS, rs.getLong(2), "each row once in " + b.backupId());
                        assertEquals(sum, rs.getLong(3), "the sum every transaction kept, in " + b.backupId());
                    }
                } finally {
                    TestDatabase.drop(db);
                }
                VerifyResult v = verifier.verify(b.backupId(), BackupFixtures.actor("ranges"));
                assertTrue(v.ok(), () -> b.backupId() + ": " + v.mismatches());
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(null, writerFailed.get(), "the writer ran without errors");
    }
}
