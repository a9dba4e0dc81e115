package io.flextime.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.backup.restore.RestoreRequest;
import io.flextime.backup.restore.RestoreService;
import io.flextime.backup.restore.TargetTemplates;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A restore's new database is a copy of the template the schema owner built (`./flextime db template`;
 * its migration history is older than the restore, the backup role ran no migration), and is the same
 * as the live database: same applied migrations with the same checksums, same keys and indexes, same
 * rows, its tables the backup role's. A backup at another schema version gets no template.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class TargetTemplatesTest {
    @Inject
    ObjectStore store;
    @Inject
    BackupService backups;
    @Inject
    RestoreService restores;
    @Inject
    TargetTemplates templates;

    @Test
    void aNewDatabaseIsACopyOfTheMigratedTemplate() throws Exception {
        BackupFixtures.reset(store);
        String version;
        List<String> liveHistory;
        List<String> liveKeys;
        try (Connection c = TestDatabase.owner()) {
            BackupFixtures.seedVersion(c, "big12", "template", 5);
            version = backups.schemaVersion();
            liveHistory = history(c);
            liveKeys = BackupFixtures.keysAndIndexes(c);
        }
        Optional<String> template = templates.forVersion(version);
        assertTrue(template.isPresent(), "a template at the live schema version " + version);
        assertEquals(Optional.empty(), templates.forVersion(version + ".1"), "none at another version");
        Map<String, String> before = BackupFixtures.fingerprint();
        backups.backup("FULL", null, Instant.now(), BackupFixtures.actor("template"));

        Instant restoreStarted = Instant.now();
        String db = "flextime_restore_tmpl_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            restores.restore(new RestoreRequest(null, db, null), BackupFixtures.actor("template"));
            try (Connection c = TestDatabase.owner(db); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT max(installed_on) FROM flyway_schema_history");
                rs.next();
                Timestamp migrated = rs.getTimestamp(1);
                assertTrue(migrated.toInstant().isBefore(restoreStarted), "migrated at " + migrated + ", before the restore began at "
                        + restoreStarted + ": copied from the template, not migrated again");
                assertEquals(liveHistory, history(c), "the same migrations, same checksums");
                assertEquals(liveKeys, BackupFixtures.keysAndIndexes(c), "the same keys and indexes");
                ResultSet owners = s.executeQuery("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'");
                owners.next();
                assertEquals("flextime_backup", owners.getString(1), "the backup role owns the tables it loads");
                assertFalse(owners.next(), "and only it");
            }
            Map<String, String> after = BackupFixtures.fingerprint(db);
            // the pipeline's event log also records the backup's own events, written after the fingerprint
            before.remove("pipeline_event");
            after.remove("pipeline_event");
            assertEquals(before, after, "every row is back");
        } finally {
            TestDatabase.drop(db);
        }
    }

    private static List<String> history(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT version || ' ' || description || ' ' || checksum || ' ' || success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
