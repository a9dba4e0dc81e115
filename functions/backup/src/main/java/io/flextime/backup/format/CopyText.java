package io.flextime.backup.format;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The plaintext of a full backup's table object: PostgreSQL's own COPY text format (one line per row,
 * tab-separated, {@code \N} for NULL, backslash escapes), as {@code COPY ... TO STDOUT} writes it and
 * {@code COPY ... FROM STDIN} reloads it, at full speed both ways. Backups and verification's re-read
 * both let the server write it, so a table's checksum is over the same bytes.
 *
 * Session settings of export and import must agree (time zone, date style), see {@link #SESSION}.
 */
public final class CopyText {
    /** Set on every export and import session: values are rendered and parsed the same way. */
    public static final List<String> SESSION = List.of("SET LOCAL TimeZone = 'UTC'", "SET LOCAL DateStyle = 'ISO, YMD'",
            "SET LOCAL IntervalStyle = 'postgres'", "SET LOCAL extra_float_digits = 1", "SET LOCAL bytea_output = 'hex'",
            // a seq scan that joins another one midway would change the row order, hence the checksum;
            // so would a parallel scan
            "SET LOCAL synchronize_seqscans = off", "SET LOCAL max_parallel_workers_per_gather = 0");

    /** Catalog query: $1 = table (regclass text) → column names. Generated columns are skipped (COPY cannot load them). */
    public static final String COLUMNS_SQL = "SELECT a.attname FROM pg_attribute a "
            + "WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum";

    private CopyText() {
    }

    /**
     * {@code COPY schema.table (columns) TO STDOUT}: the table's lines in heap order (COPY TO reads the
     * table alone, not its children). A table without columns to copy gives one empty line per row.
     */
    public static String copyOut(String schema, String table, List<String> columns) {
        String t = ident(schema) + "." + ident(table);
        return columns.isEmpty() ? "COPY (SELECT FROM ONLY " + t + ") TO STDOUT" : "COPY " + t + " (" + columnList(columns) + ") TO STDOUT";
    }

    public static String columnList(List<String> columns) {
        return columns.stream().map(CopyText::ident).collect(Collectors.joining(", "));
    }

    public static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
