package io.flextime.backup.restore;

import io.flextime.backup.crypto.BackupIntegrityException;
import io.flextime.backup.format.CopyText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies one table's change entries of an incremental backup, in commit order, to the target:
 * inserts by value, updates and deletes by primary key (by whole row when a table has none). Runs
 * with {@code session_replication_role = replica}: foreign keys and triggers stay quiet (cascaded
 * deletes were captured as their own entries). Consecutive entries of one kind go in one JDBC batch.
 * Line: {@code commitMicros \t xid \t seq \t op \t oldJson \t newJson} (jsonb text has no tabs).
 */
final class ChangeReplayer implements AutoCloseable {
    private static final int BATCH = 500;

    private final String where;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement delete;
    private final PreparedStatement truncate;
    private PreparedStatement pending;
    private final List<String> pendingSeqs = new ArrayList<>();
    private long applied;

    ChangeReplayer(Connection c, String schema, String table, String where) throws SQLException {
        this.where = where;
        String t = CopyText.ident(schema) + "." + CopyText.ident(table);
        List<String> cols = new ArrayList<>();
        List<String> key = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, coalesce(a.attnum = ANY (i.indkey), false) "
                + "FROM pg_attribute a LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary "
                + "WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum")) {
            ps.setString(1, t);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(CopyText.ident(rs.getString(1)));
                    if (rs.getBoolean(2)) {
                        key.add(CopyText.ident(rs.getString(1)));
                    }
                }
            }
        }
        String all = String.join(", ", cols);
        String record = " FROM jsonb_populate_record(NULL::" + t + ", ?::jsonb)";
        String match = key.isEmpty()
                ? "d.ctid = (SELECT x.ctid FROM " + t + " x WHERE to_jsonb(x) = ?::jsonb LIMIT 1)"
                : "(" + key.stream().map(k -> "d." + k).collect(Collectors.joining(", ")) + ") = (SELECT "
                        + String.join(", ", key) + record + ")";
        insert = c.prepareStatement("INSERT INTO " + t + " (" + all + ") SELECT " + all + record);
        update = c.prepareStatement("UPDATE " + t + " AS d SET (" + all + ") = (SELECT " + all + record + ") WHERE " + match);
        delete = c.prepareStatement("DELETE FROM " + t + " AS d WHERE " + match);
        truncate = c.prepareStatement("DELETE FROM " + t);
    }

    void apply(String line) throws SQLException {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new BackupIntegrityException(BackupIntegrityException.CHECKSUM_MISMATCH, where + ": malformed change entry");
        }
        PreparedStatement ps = switch (f[3]) {
            case "I" -> insert;
            case "U" -> update;
            case "D" -> delete;
            case "T" -> truncate;
            default -> throw new BackupIntegrityException(BackupIntegrityException.CHECKSUM_MISMATCH,
                    where + ": unknown change kind '" + f[3] + "' (seq " + f[2] + ")");
        };
        if (ps != pending) {
            flush();
            pending = ps;
        }
        switch (f[3]) {
            case "I" -> ps.setString(1, f[5]);
            case "U" -> {
                ps.setString(1, f[5]);
                ps.setString(2, f[4]);
            }
            case "D" -> ps.setString(1, f[4]);
            default -> {
            }
        }
        ps.addBatch();
        pendingSeqs.add(f[2]);
        if (pendingSeqs.size() >= BATCH) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending == null || pendingSeqs.isEmpty()) {
            return;
        }
        int[] counts = pending.executeBatch();
        if (pending == update || pending == delete) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new BackupIntegrityException(BackupIntegrityException.CHECKSUM_MISMATCH, where + ": change seq "
                            + pendingSeqs.get(i) + " (" + (pending == update ? "update" : "delete")
                            + ") found no row to change: the chain does not match the restored data");
                }
            }
        }
        applied += counts.length;
        pendingSeqs.clear();
    }

    long applied() {
        return applied;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        update.close();
        delete.close();
        truncate.close();
    }
}
