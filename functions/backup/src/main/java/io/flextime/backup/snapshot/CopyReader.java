package io.flextime.backup.snapshot;

import io.flextime.backup.format.CopyText;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads one table of the backup's snapshot with PostgreSQL's own {@code COPY table (columns) TO STDOUT}
 * (text format) on a JDBC connection that joined the snapshot, straight into the writer: the server
 * writes each row with the types' output functions into the protocol, the cheapest way PostgreSQL has
 * to hand a table out (what {@code pg_dump} does). Rendering the same lines in SQL, which the reactive
 * client needed, cost the server 2–3 times the CPU; {@code COPY (SELECT ... WHERE ctid ...)} ranges,
 * which would let two backends share one table, cost it about half as much again as the plain COPY
 * (measured, bench/results/NOTES.md), and on 2 cores CPU is what the wall time follows. The rows come in
 * heap order (one sequential scan; the session turns synchronized scans off), which the checksum and
 * verification's re-read rely on; nothing is held.
 */
final class CopyReader {
    /** Where the rows go, in order: whole COPY text lines, each ending with a newline. */
    interface Sink {
        void rows(byte[] bytes, int length, long lines) throws IOException;
    }

    private CopyReader() {
    }

    /** Streams {@code schema.table} into {@code sink}; returns the number of lines. */
    static long read(Connection connection, String schema, String table, List<String> columns, Sink sink)
            throws IOException, SQLException {
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(CopyText.copyOut(schema, table, columns));
        long lines = 0;
        try {
            for (byte[] row = out.readFromCopy(); row != null; row = out.readFromCopy()) {
                sink.rows(row, row.length, 1);
                lines++;
            }
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        return lines;
    }
}
