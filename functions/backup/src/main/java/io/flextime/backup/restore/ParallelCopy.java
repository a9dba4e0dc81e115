package io.flextime.backup.restore;

import io.flextime.backup.format.CopyText;
import io.flextime.backup.format.TableEntry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Sends {@link CopyBlocks} to the target with {@code COPY ... FROM STDIN} on every given connection at
 * once: each connection takes the next block, whatever its table, and keeps one COPY open per run of
 * blocks of the same table. With one connection the rows land in the backup's order (verification
 * re-reads them in heap order); with several, one large table is parsed and written by several server
 * backends at the same time, in an order that is no longer the backup's.
 */
final class ParallelCopy {
    private ParallelCopy() {
    }

    static void copy(List<Connection> connections, String schema, CopyBlocks blocks) throws SQLException, IOException {
        if (connections.size() == 1) {
            copyOn(connections.get(0), schema, blocks);
            return;
        }
        // after a failure the others stop at their next block
        ConnectionThreads.onEach(connections, "restore-copy", c -> copyOn(c, schema, blocks), blocks::close);
    }

    private static void copyOn(Connection c, String schema, CopyBlocks blocks) throws SQLException, IOException {
        CopyManager api = c.unwrap(PGConnection.class).getCopyAPI();
        CopyIn copy = null;
        TableEntry table = null;
        try {
            for (CopyBlocks.Block b = blocks.take(); b != null; b = blocks.take()) {
                if (b.table() != table) {
                    if (copy != null) {
                        copy.endCopy();
                    }
                    table = b.table();
                    copy = api.copyIn("COPY " + CopyText.ident(schema) + "." + CopyText.ident(table.name()) + " ("
                            + CopyText.columnList(table.columns()) + ") FROM STDIN");
                }
                copy.writeToCopy(b.bytes(), 0, b.length());
                blocks.release(b);
            }
            if (copy != null) {
                copy.endCopy();
            }
        } finally {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy(); // the connection stays usable for the rollback
            }
        }
    }
}
