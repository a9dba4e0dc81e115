package io.flextime.backup.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.flextime.backup.store.BackupDatabase;
import io.flextime.core.testing.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The cursor stream decides "another read follows" from the rows a read returned: every row arrives
 * once, in order, whether the row count is below, at or just past a multiple of the fetch size (a read
 * after the portal completed would hang the stream, a missing one would lose rows).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class CursorLinesTest {
    private static final int FETCH = 5;

    @Inject
    BackupDatabase db;

    @Test
    void everyRowOnceAtEveryBoundaryOfTheFetchSize() {
        for (int n : new int[] { 0, 1, FETCH - 1, FETCH, FETCH + 1, 2 * FETCH, 2 * FETCH + 1, 7 * FETCH }) {
            List<String> expected = IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i).toList();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                SqlConnection c = db.pool().getConnection().await().indefinitely();
                try {
                    Transaction tx = c.begin().await().indefinitely();
                    List<String> lines = new ArrayList<>();
                    long count = CursorLines.stream(c, "SELECT 'line ' || i FROM generate_series(1, $1) i", Tuple.of(n), FETCH,
                            line -> lines.add(new String(line, StandardCharsets.UTF_8)));
                    assertEquals(n, count, n + " rows");
                    assertEquals(expected, lines, n + " rows");
                    // the connection is still in a good state after the stream (no read left pending)
                    assertEquals(42, c.query("SELECT 42").execute().await().indefinitely().iterator().next().getInteger(0));
                    tx.rollback().await().indefinitely();
                } finally {
                    c.close().await().indefinitely();
                }
            }, n + " rows");
        }
    }
}
