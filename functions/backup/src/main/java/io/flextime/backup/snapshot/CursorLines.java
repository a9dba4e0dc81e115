package io.flextime.backup.snapshot;

import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.PreparedStatement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Streams a query whose rows are one text line each from a server-side cursor, {@code fetchSize} rows
 * per read, the next read requested before the current rows are handed on (the server renders while
 * the caller compresses: at most two reads are held).
 *
 * <p>Whether another read follows is decided from the rows a read returned, never from
 * {@code Cursor.hasMore()}: vertx-sql-client 4.5 sets the cursor's current result inside a callback on
 * the event loop, so {@code hasMore()} called from this thread right after a read could throw "No
 * current cursor read", and a read requested after the portal had completed throws on the event loop
 * and its future never completes (the backup hangs). PostgreSQL suspends a portal whenever an Execute
 * returns its full row limit and completes it when a read comes back short, so "the read was full"
 * is exactly "the cursor is suspended": a full read is followed by another (possibly empty) one, a short
 * read ends the stream.
 */
final class CursorLines {
    interface LineSink {
        void accept(byte[] line) throws IOException;
    }

    private CursorLines() {
    }

    /** Streams every line of {@code sql} to {@code sink}; returns the number of lines. */
    static long stream(SqlConnection c, String sql, Tuple args, int fetchSize, LineSink sink) throws IOException {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetch size must be positive, was " + fetchSize);
        }
        long lines = 0;
        PreparedStatement ps = c.prepare(sql).await().indefinitely();
        try {
            Cursor cursor = ps.cursor(args);
            try {
                RowSet<Row> rows = cursor.read(fetchSize).await().indefinitely();
                while (rows != null) {
                    CompletableFuture<RowSet<Row>> next = rows.size() == fetchSize
                            ? cursor.read(fetchSize).subscribeAsCompletionStage().toCompletableFuture()
                            : null;
                    for (Row r : rows) {
                        sink.accept(r.getString(0).getBytes(StandardCharsets.UTF_8));
                        lines++;
                    }
                    rows = next == null ? null : join(next);
                }
            } finally {
                cursor.close().await().indefinitely();
            }
        } finally {
            ps.close().await().indefinitely();
        }
        return lines;
    }

    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
