package io.flextime.ingest.format;

import io.flextime.core.format.Utf8Text;
import io.flextime.core.format.Problems;
import io.flextime.ingest.config.IngestLimits;
import io.flextime.ingest.tabular.TableRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads CSV files (RFC 4180, UTF-8) with Commons CSV, turning parser failures into located problems. */
public final class CsvTables {
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvTables() {
    }

    /** A small table, read whole (entity tables: teams, slots, ...), up to its row cap. */
    public static TableRows read(InputStream in, String file, Problems problems, IngestLimits.RowCap cap) throws IOException {
        List<String> header = new ArrayList<>();
        List<TableRows.Row> rows = new ArrayList<>();
        stream(in, file, problems, cap, h -> header.addAll(h), rows::add);
        return new TableRows(file, null, header, rows);
    }

    /**
     * Streams a CSV: the header first, then each data row with its 1-based row number (header = 1).
     * Rows whose cell count differs from the header's are reported, not passed on. The row after the
     * cap ends the read with its problem (TOO_MANY_ROWS).
     */
    public static void stream(InputStream in, String file, Problems problems, IngestLimits.RowCap cap, Consumer<List<String>> header,
            Consumer<TableRows.Row> each) throws IOException {
        try (Reader reader = Utf8Text.reader(in, file); CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> it = parser.iterator();
            int width = -1;
            long dataRows = 0;
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (Utf8Text.isDecodingFailure(e)) {
                        throw Problems.fatal(new io.flextime.core.problem.ProblemLocation(Utf8Text.NOT_UTF8, file, null,
                                parser.getCurrentLineNumber() + 1, null, Utf8Text.notUtf8Reason()));
                    }
                    throw Problems.fatal(new io.flextime.core.problem.ProblemLocation("MALFORMED_CSV", file, null,
                            parser.getCurrentLineNumber(), null, "the CSV cannot be parsed here: " + rootMessage(e)));
                }
                List<String> cells = r.toList();
                if (width < 0) {
                    width = cells.size();
                    header.accept(cells);
                    continue;
                }
                if (++dataRows > cap.max()) {
                    throw Problems.fatal(cap.exceeded(r.getRecordNumber()));
                }
                if (cells.size() != width) {
                    problems.add("MALFORMED_CSV", file, null, r.getRecordNumber(), null,
                            "the row has " + cells.size() + " cells, the header has " + width);
                    continue;
                }
                each.accept(new TableRows.Row(r.getRecordNumber(), cells));
            }
            if (width < 0) {
                throw Problems.fatal("EMPTY_FILE", file, "the file is empty (a header row is required)");
            }
        }
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return String.valueOf(c.getMessage());
    }
}
