package io.flextime.backup.restore;

import io.flextime.backup.format.CopyText;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the loaded tables' keys and indexes after the data, as {@code pg_restore} does: loading
 * into a table that already has its primary key updates a B-tree row by row (random inserts for
 * uuid keys), while building it afterwards is one sort. Inside the restore's transaction: the
 * definitions are read from the catalog ({@code pg_get_indexdef} / {@code pg_get_constraintdef}),
 * foreign keys, then primary/unique/exclusion keys, then the remaining indexes are dropped; after
 * COPY they are recreated in the reverse order (foreign keys validated again, like pg_restore). A
 * failure anywhere rolls the drops back with everything else.
 */
final class DeferredIndexes {
    /** FKs touching the tables (either side), then keys, then plain indexes: the drop order. */
    private static final String DEFINITIONS_SQL = """
            SELECT 'fk', format('%I.%I', n.nspname, t.relname), c.conname, pg_get_constraintdef(c.oid), 1
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND (c.conrelid = ANY (?::regclass[]) OR c.confrelid = ANY (?::regclass[]))
            UNION ALL
            SELECT 'key', format('%I.%I', n.nspname, t.relname), c.conname, pg_get_constraintdef(c.oid), 2
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype IN ('p', 'u', 'x') AND c.conrelid = ANY (?::regclass[])
            UNION ALL
            SELECT 'index', format('%I.%I', n.nspname, i.relname), i.relname, pg_get_indexdef(i.oid), 3
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE x.indrelid = ANY (?::regclass[])
              AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x'))
            ORDER BY 5, 2, 3""";

    private record Definition(String kind, String owner, String name, String definition) {
    }

    private final List<Definition> dropped;

    private DeferredIndexes(List<Definition> dropped) {
        this.dropped = dropped;
    }

    /** Drops the keys and indexes of {@code tables} (in {@code schema}) and remembers them. */
    static DeferredIndexes drop(Connection c, String schema, List<String> tables) throws SQLException {
        String[] names = tables.stream().map(t -> CopyText.ident(schema) + "." + CopyText.ident(t)).toArray(String[]::new);
        List<Definition> defs = new ArrayList<>();
        Array array = c.createArrayOf("text", names);
        try (PreparedStatement ps = c.prepareStatement(DEFINITIONS_SQL)) {
            for (int i = 1; i <= 4; i++) {
                ps.setArray(i, array);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    defs.add(new Definition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (Definition d : defs) {
                s.execute("index".equals(d.kind()) ? "DROP INDEX " + d.owner()
                        : "ALTER TABLE " + d.owner() + " DROP CONSTRAINT " + CopyText.ident(d.name()));
            }
        }
        return new DeferredIndexes(defs);
    }

    /** Recreates what {@link #drop} removed: plain indexes, then keys, then foreign keys (validated). */
    void recreate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int i = dropped.size() - 1; i >= 0; i--) {
                Definition d = dropped.get(i);
                s.execute("index".equals(d.kind()) ? d.definition()
                        : "ALTER TABLE " + d.owner() + " ADD CONSTRAINT " + CopyText.ident(d.name()) + " " + d.definition());
            }
        }
    }

    int count() {
        return dropped.size();
    }
}
