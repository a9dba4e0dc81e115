package io.flextime.backup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.backup.snapshot.BackupOutcome;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.backup.verify.BackupVerifier;
import io.flextime.backup.verify.VerifyResult;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Verification re-reads each reloaded table in heap order and compares its checksum with the
 * manifest's, so the reload must put the rows in the backup's order. A COPY into a table that exists
 * from an earlier transaction does not: when a wide row does not fit the current page, PostgreSQL asks
 * the free space map for a page and may be given an earlier, partly filled one, where a narrower later
 * row then lands ahead of rows loaded before it. Rows of widths from 20 to 400 bytes in random order
 * made that happen a few hundred times in 20 000 rows (measured with psql); this table has thousands.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class VariableWidthVerifyTest {
    @Inject
    ObjectStore store;
    @Inject
    BackupService backups;
    @Inject
    BackupVerifier verifier;

    @Test
    void rowsOfVaryingWidthVerifyAgainstTheirChecksum() throws Exception {
        BackupFixtures.reset(store);
        try (Connection c = TestDatabase.owner(); Statement s = c.createStatement()) {
            UUID version = BackupFixtures.seedVersion(c, "big12", "varying widths", 2);
            // setseed: the same widths every run
            s.execute("SELECT setseed(0.42)");
            BackupFixtures.historicalGames(s, version, 1, 6000, "repeat('h', 20 + (random() * 380)::int)");
            // holes on every page, then rows of other widths in them: the heap order is no longer one a
            // sequential load of these rows would produce by itself
            s.execute("DELETE FROM historical_game WHERE row_number % 3 = 0");
            s.execute("VACUUM historical_game");
            BackupFixtures.historicalGames(s, version, 6001, 9000, "repeat('g', 20 + (random() * 380)::int)");
        }
        BackupOutcome b = backups.backup("FULL", null, Instant.now(), BackupFixtures.actor("widths"));
        VerifyResult v = verifier.verify(b.backupId(), BackupFixtures.actor("widths"));
        assertTrue(v.ok(), () -> b.backupId() + ": " + v.mismatches());
    }
}
