package io.flextime.backup;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flextime.core.store.ObjectStore;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.core.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The same schedule firing delivered twice (even at once, and a retry later in the window) makes one backup. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class ScheduleIdempotencyTest {
    @Inject
    ObjectStore store;

    @Test
    void oneBackupPerWindow() throws Exception {
        BackupFixtures.reset(store);
        try (Connection c = TestDatabase.owner()) {
            BackupFixtures.seedVersion(c, "big12", "mbb-2025", 4);
        }
        String event = "{\"id\": \"%s\", \"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\", "
                + "\"time\": \"%s\", \"resources\": [\"arn:aws:scheduler:us-east-1:0:schedule/default/nightly-full\"], \"detail\": {}}";
        CompletableFuture<JsonPath> a = CompletableFuture.supplyAsync(() -> fire(event.formatted("e1", "2025-11-03T02:00:00Z")));
        CompletableFuture<JsonPath> b = CompletableFuture.supplyAsync(() -> fire(event.formatted("e2", "2025-11-03T02:00:00Z")));
        JsonPath late = null;
        List<JsonPath> both = List.of(a.get(), b.get());
        late = fire(event.formatted("e3", "2025-11-03T02:07:31Z"));

        assertEquals(both.get(0).getString("backupId"), both.get(1).getString("backupId"));
        assertEquals(both.get(0).getString("backupId"), late.getString("backupId"));
        assertEquals("bk-20251103T000000Z-full", late.getString("backupId"), "the window (UTC day) names the backup");
        assertEquals(1, both.stream().filter(j -> !j.getBoolean("duplicate")).count(), "one of the two did the work");
        assertEquals(true, late.getBoolean("duplicate"));
        try (Connection c = TestDatabase.owner();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM backup_run WHERE window_key LIKE 'full:2025-11-03%'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
        assertEquals(1, store.list(BackupFixtures.BUCKET, BackupFixtures.PREFIX).stream()
                .filter(o -> o.key().endsWith("manifest.json")).count(), "one backup in S3");
    }

    private static JsonPath fire(String body) {
        return given().header(TestTokens.operator()).contentType(ContentType.JSON).body(body).post("/nightlyFullBackup").then().statusCode(200).extract().jsonPath();
    }
}
