package io.flextime.backup;

import static io.restassured.RestAssured.given;

import io.flextime.core.security.Door;
import io.flextime.core.testing.DoorMatrix;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.core.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** backup's doors × roles × own/other tenant, from the Door table (DoorMatrix): all of them the platform operators'. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class BackupDoorMatrixTest {
    private static final String TENANT = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TARGETS = "flextime_restore_matrix_";
    /** Schedule windows nobody else uses: each allowed schedule call is a new window, so it does its job. */
    private static final AtomicLong DAYS = new AtomicLong();
    private static final Instant BASE = Instant.parse("2003-01-01T00:00:00Z").plus(UUID.randomUUID().getLeastSignificantBits() % 3000 + 3000,
            ChronoUnit.DAYS);

    @Test
    void everyFunqIsARowOfTheDoorTable() {
        DoorMatrix.assertEveryFunqGuarded("backup");
    }

    @AfterAll
    static void dropTargets() throws SQLException {
        BackupFixtures.awaitNoActiveJobs(); // the allowed restore and verification run after their 202
        List<String> made = new ArrayList<>();
        try (Connection c = TestDatabase.owner("postgres");
                ResultSet rs = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + TARGETS + "%'")) {
            while (rs.next()) {
                made.add(rs.getString(1));
            }
        }
        made.forEach(TestDatabase::drop);
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        io.restassured.path.json.JsonPath job = BackupFixtures.job(TestTokens.operator(), "backupNow", Map.of("kind", "FULL"));
        String backupId = job.getString("result.backupId");
        String jobId = job.getString("jobId");
        Map<Door, DoorMatrix.Body> bodies = new java.util.EnumMap<>(Door.class);
        bodies.put(Door.LIST_BACKUPS, (tenant, id) -> null); // takes no input
        bodies.put(Door.BACKUP_NOW, (tenant, id) -> Map.of("kind", "FULL"));
        bodies.put(Door.RESTORE, (tenant, id) -> Map.of("targetDatabase", TARGETS + UUID.randomUUID().toString().substring(0, 8)));
        bodies.put(Door.VERIFY_BACKUP, (tenant, id) -> Map.of("backupId", backupId));
        bodies.put(Door.BACKUP_RETENTION, (tenant, id) -> Map.of("dryRun", true));
        bodies.put(Door.BACKUP_JOB, (tenant, id) -> Map.of("jobId", jobId));
        bodies.put(Door.RUN_BACKUP_JOBS, (tenant, id) -> schedule(id));
        bodies.put(Door.NIGHTLY_FULL_BACKUP, (tenant, id) -> schedule(id));
        bodies.put(Door.HOURLY_INCREMENTAL_BACKUP, (tenant, id) -> schedule(id));
        bodies.put(Door.DAILY_BACKUP_VERIFY, (tenant, id) -> schedule(id));
        bodies.put(Door.DAILY_BACKUP_RETENTION, (tenant, id) -> schedule(id));
        bodies.put(Door.SHIP_AUDIT_TRAIL, (tenant, id) -> schedule(id));
        return DoorMatrix.of("backup", TENANT, bodies);
    }

    /** An EventBridge Scheduled Event in a day of its own. */
    private static Map<String, Object> schedule(String id) {
        return Map.of("id", id, "detail-type", "Scheduled Event", "source", "aws.events",
                "time", BASE.plus(DAYS.incrementAndGet(), ChronoUnit.DAYS).toString(), "detail", Map.of());
    }
}
