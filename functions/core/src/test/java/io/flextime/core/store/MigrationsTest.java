package io.flextime.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migratesAnEmptyDatabaseAndASecondRunChangesNothing() throws Exception {
        LocalStack.ensureRunning();
        String db = "flextime_mig_" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase.createIfMissing(db);
        try {
            MigrateResult first = TestDatabase.migrate(db);
            assertTrue(first.migrationsExecuted > 0, "an empty database gets every migration");
            try (Connection c = TestDatabase.owner(db);
                    ResultSet rs = c.createStatement().executeQuery(
                            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND rowsecurity "
                                    + "AND tablename IN ('dataset_version', 'team', 'schedule_version', 'game', 'processed_event')")) {
                rs.next();
                assertEquals(5, rs.getInt(1), "core tables exist with row-level security on");
            }
            MigrateResult second = TestDatabase.migrate(db);
            assertEquals(0, second.migrationsExecuted, "migrations are idempotent");
        } finally {
            TestDatabase.drop(db);
        }
    }
}
