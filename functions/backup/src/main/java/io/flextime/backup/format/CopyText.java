package io.flextime.backup.format;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The plaintext of a full backup's table object: one line per row in PostgreSQL's COPY text format
 * (tab-separated, {@code \N} for NULL, backslash escapes), which {@code COPY ... FROM STDIN} reloads
 * at full speed. The reactive client cannot run COPY, so the server renders each row as one COPY
 * line in the SELECT itself; only columns whose text can hold a backslash, tab or line break are
 * escaped (numbers, booleans, dates, times and uuids cannot).
 *
 * Session settings of export and import must agree (time zone, date style), see {@link #SESSION}.
 */
public final class CopyText {
    /** Set on every export and import session: values are rendered and parsed the same way. */
    public static final List<String> SESSION = List.of("SET LOCAL TimeZone = 'UTC'", "SET LOCAL DateStyle = 'ISO, YMD'",
            "SET LOCAL IntervalStyle = 'postgres'", "SET LOCAL extra_float_digits = 1", "SET LOCAL bytea_output = 'hex'",
            // a seq scan that joins another one midway would change the row order, hence the checksum;
            // so would a parallel scan (and string_agg of a page range must see its rows in page order)
            "SET LOCAL synchronize_seqscans = off", "SET LOCAL max_parallel_workers_per_gather = 0");

    /** Catalog query: $1 = table (regclass text) → name, needs escaping. Generated columns are skipped (COPY cannot load them). */
    public static final String COLUMNS_SQL = "SELECT a.attname, NOT (t.typcategory IN ('N', 'B', 'D', 'T') OR t.typname = 'uuid') "
            + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
            + "WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum";

    private CopyText() {
    }

    public record Column(String name, boolean escape) {
    }

    /** SELECT of one COPY text line per row of {@code schema.table}. */
    public static String selectLines(String schema, String table, List<Column> columns) {
        return "SELECT " + lineExpression(columns) + " FROM ONLY " + ident(schema) + "." + ident(table);
    }

    /**
     * The SQL expression of one row's COPY text line. Escaping is decided once per row: when none of
     * the columns that may need it holds a backslash, tab, CR or LF (one regular expression over them
     * all), the line is built without the four {@code replace} calls per such column, which were 40 %
     * of the server's rendering time (a row holding one of them gets the escaped line: the same text
     * either way).
     */
    public static String lineExpression(List<Column> columns) {
        if (columns.isEmpty()) {
            return "''";
        }
        String plain = columns.stream().map(c -> render(new Column(c.name(), false))).collect(Collectors.joining(" || E'\\t' || "));
        List<Column> escapable = columns.stream().filter(Column::escape).toList();
        if (escapable.isEmpty()) {
            return plain;
        }
        String escaped = columns.stream().map(CopyText::render).collect(Collectors.joining(" || E'\\t' || "));
        String texts = escapable.stream().map(c -> ident(c.name()) + "::text").collect(Collectors.joining(", "));
        return "CASE WHEN concat(" + texts + ") ~ '[\\\\\\t\\n\\r]' THEN " + escaped + " ELSE " + plain + " END";
    }

    private static String render(Column c) {
        String text = ident(c.name()) + "::text";
        if (c.escape()) {
            text = "replace(replace(replace(replace(" + text + ", '\\', '\\\\'), E'\\n', '\\n'), E'\\r', '\\r'), E'\\t', '\\t')";
        }
        return "coalesce(" + text + ", '\\N')";
    }

    public static String columnList(List<String> columns) {
        return columns.stream().map(CopyText::ident).collect(Collectors.joining(", "));
    }

    public static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
