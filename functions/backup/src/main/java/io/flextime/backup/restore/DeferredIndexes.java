package io.flextime.backup.restore;

import io.flextime.backup.format.CopyText;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

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
    private static final Logger LOG = Logger.getLogger(DeferredIndexes.class);

    /** FKs touching the tables (either side), then keys, then plain indexes: the drop order. */
    private static final String DEFINITIONS_SQL = """
            SELECT 'fk', format('%I.%I', n.nspname, t.relname), c.conname, pg_get_constraintdef(c.oid), 1,
                   t.relname, (SELECT format('%I.%I', rn.nspname, r.relname)
                               FROM pg_class r JOIN pg_namespace rn ON rn.oid = r.relnamespace WHERE r.oid = c.confrelid),
                   (SELECT r.relname FROM pg_class r WHERE r.oid = c.confrelid)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND (c.conrelid = ANY (?::regclass[]) OR c.confrelid = ANY (?::regclass[]))
            UNION ALL
            SELECT 'key', format('%I.%I', n.nspname, t.relname), c.conname, pg_get_constraintdef(c.oid), 2,
                   t.relname, NULL, NULL
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype IN ('p', 'u', 'x') AND c.conrelid = ANY (?::regclass[])
            UNION ALL
            SELECT 'index', format('%I.%I', n.nspname, i.relname), i.relname, pg_get_indexdef(i.oid), 3,
                   (SELECT relname FROM pg_class WHERE oid = x.indrelid), NULL, NULL
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE x.indrelid = ANY (?::regclass[])
              AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x'))
            ORDER BY 5, 2, 3""";

    /**
     * {@code table}: the name of the table it belongs to; {@code referenced}: a foreign key's other table
     * (qualified), {@code referencedTable} its name.
     */
    private record Definition(String kind, String owner, String name, String definition, String table, String referenced,
            String referencedTable) {
        String create() {
            return "index".equals(kind) ? definition : "ALTER TABLE " + owner + " ADD CONSTRAINT " + CopyText.ident(name) + " " + definition;
        }
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
                    defs.add(new Definition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(6),
                            rs.getString(7), rs.getString(8)));
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

    /**
     * Recreates what {@link #drop} removed: each table's indexes and keys as one task, then each foreign
     * key (validated) as one task, the tasks of a step spread over {@code connections} (largest tables
     * first, by {@code bytesByTable}). A foreign key first locks its two tables in name order, so two
     * of them running at once (say a → b and b → a) wait for each other instead of deadlocking.
     */
    void recreate(RestoreConnections connections, Map<String, Long> bytesByTable) throws SQLException, IOException {
        recreateKeys(connections, table -> true, bytesByTable);
        recreateForeignKeys(connections, (table, referenced) -> true, bytesByTable);
    }

    /** The keys and indexes of the tables {@code of} accepts (each table's as one task, largest tables first). */
    void recreateKeys(RestoreConnections connections, Predicate<String> of, Map<String, Long> bytesByTable)
            throws SQLException, IOException {
        List<List<Definition>> keys = new ArrayList<>(dropped.stream().filter(d -> !"fk".equals(d.kind()) && of.test(d.table()))
                .collect(Collectors.groupingBy(Definition::table, LinkedHashMap::new, Collectors.toList())).values());
        keys.forEach(Collections::reverse); // plain indexes were dropped last: built first, as before
        keys.sort(largestFirst(bytesByTable));
        connections.runEach(keys, (c, task) -> {
            try (Statement s = c.createStatement()) {
                for (Definition d : task) {
                    long start = System.nanoTime();
                    s.execute(d.create());
                    LOG.debugf("restore: %s %s built in %.2f s", d.kind(), d.name(), (System.nanoTime() - start) / 1e9);
                }
            }
        });
    }

    /**
     * The foreign keys {@code which} accepts by (table, referenced table) — the referenced table's keys
     * must exist by now; each validated as one task, largest tables first.
     */
    void recreateForeignKeys(RestoreConnections connections, BiPredicate<String, String> which, Map<String, Long> bytesByTable)
            throws SQLException, IOException {
        List<List<Definition>> foreign = dropped.stream()
                .filter(d -> "fk".equals(d.kind()) && which.test(d.table(), d.referencedTable())).map(List::of)
                .sorted(largestFirst(bytesByTable)).toList();
        connections.runEach(foreign, (c, task) -> {
            Definition fk = task.get(0);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE " + Stream.of(fk.owner(), fk.referenced()).distinct().sorted().collect(Collectors.joining(", "))
                        + " IN SHARE ROW EXCLUSIVE MODE");
                long start = System.nanoTime();
                s.execute(fk.create());
                LOG.debugf("restore: foreign key %s built in %.2f s", fk.name(), (System.nanoTime() - start) / 1e9);
            }
        });
    }

    private static Comparator<List<Definition>> largestFirst(Map<String, Long> bytesByTable) {
        return Comparator.comparingLong((List<Definition> task) -> -bytesByTable.getOrDefault(task.get(0).table(), 0L));
    }

    int count() {
        return dropped.size();
    }
}
