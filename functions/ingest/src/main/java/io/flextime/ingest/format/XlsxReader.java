package io.flextime.ingest.format;

import io.flextime.core.format.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.pjfanning.xlsx.StreamingReader;
import io.flextime.events.data.IngestRequested;
import io.flextime.ingest.config.IngestConfig;
import io.flextime.ingest.config.IngestLimits;
import io.flextime.ingest.tabular.SeasonTables;
import io.flextime.ingest.tabular.TableRows;
import io.flextime.ingest.tabular.TabularSeasonBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * An xlsx workbook, one sheet per table (sheet name = table name, columns as in the CSV set), read
 * with a streaming reader (SAX over the sheet XML, a small row cache) so a large historical-games
 * sheet never sits in memory. An xlsx is a zip: it goes through the same guard as a zipped CSV set
 * ({@link GuardedZip#verify}: entries, inflated bytes, ratio) before the reader opens it, and each
 * sheet through the row caps.
 */
@ApplicationScoped
public class XlsxReader {
    private final ObjectMapper mapper;
    private final IngestConfig config;
    private final IngestLimits limits;

    public XlsxReader(ObjectMapper mapper, IngestConfig config, IngestLimits limits) {
        this.mapper = mapper;
        this.config = config;
        this.limits = limits;
    }

    public ParsedDataset read(Upload upload) throws IOException {
        Problems problems = new Problems();
        Map<String, TableRows> tables = new LinkedHashMap<>();
        String file = upload.fileName();
        boolean[] hasHistory = {false};
        GuardedZip.verify(upload.file(), file, config.maxZipEntries(), config.maxUnpackedBytes(), config.maxZipRatio());
        withWorkbook(upload.file(), file, wb -> {
            for (Sheet sheet : wb) {
                String table = sheet.getSheetName().trim().toLowerCase(Locale.ROOT);
                if (table.startsWith("_")) {
                    continue; // notes for humans
                }
                if (!SeasonTables.TABLES.contains(table)) {
                    problems.add("UNKNOWN_SHEET", file, sheet.getSheetName(), null, null,
                            "unknown sheet; expected " + SeasonTables.TABLES + " (sheets starting with _ are ignored)");
                    continue;
                }
                if (table.equals(SeasonTables.HISTORICAL_GAMES)) {
                    hasHistory[0] = true;
                    continue;
                }
                List<String> header = new ArrayList<>();
                List<TableRows.Row> rows = new ArrayList<>();
                rows(sheet, limits.rows(table, file, sheet.getSheetName()), header::addAll, rows::add);
                tables.put(table, new TableRows(file, sheet.getSheetName(), header, rows));
            }
        });
        TabularSeasonBuilder builder = new TabularSeasonBuilder(mapper, problems);
        var season = builder.build(tables);
        HistoricalGameRows history = !hasHistory[0] ? HistoricalGameRows.NONE : (p, each) -> withWorkbook(upload.file(), file, wb -> {
            for (Sheet sheet : wb) {
                if (sheet.getSheetName().trim().equalsIgnoreCase(SeasonTables.HISTORICAL_GAMES)) {
                    HistoricalGameParser parser = new HistoricalGameParser(file, sheet.getSheetName(), p);
                    rows(sheet, limits.rows(SeasonTables.HISTORICAL_GAMES, file, sheet.getSheetName()), parser::header, r -> {
                        if (parser.usable()) {
                            var g = parser.parse(r);
                            if (g != null) {
                                each.accept(g);
                            }
                        }
                    });
                }
            }
        });
        return new ParsedDataset(IngestRequested.FORMAT_XLSX, season, history, builder.locator(file));
    }

    private static void withWorkbook(Path path, String file, Consumer<Workbook> work) throws IOException {
        Workbook wb;
        try {
            wb = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).setReadComments(false)
                    .setReadHyperlinks(false).setReadShapes(false).open(path.toFile());
        } catch (RuntimeException e) {
            String msg = CsvTables.rootMessage(e);
            boolean bomb = msg.contains("Zip bomb") || msg.contains("inflate ratio") || msg.contains("max entry size")
                    || msg.contains("MaxEntrySize");
            throw Problems.fatal(bomb ? GuardedZip.ZIP_BOMB : "MALFORMED_XLSX", file,
                    (bomb ? "the workbook looks like a zip bomb: " : "not a readable xlsx workbook: ") + msg);
        }
        try (wb) {
            work.accept(wb);
        } catch (io.flextime.core.problem.ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            String msg = CsvTables.rootMessage(e);
            boolean bomb = msg.contains("Zip bomb") || msg.contains("inflate ratio");
            throw Problems.fatal(bomb ? GuardedZip.ZIP_BOMB : "MALFORMED_XLSX", file, msg);
        }
    }

    private static void rows(Sheet sheet, IngestLimits.RowCap cap, Consumer<List<String>> header, Consumer<TableRows.Row> each) {
        boolean first = true;
        long dataRows = 0;
        for (Row r : sheet) {
            List<String> cells = new ArrayList<>();
            for (Cell c : r) {
                int i = c.getColumnIndex();
                while (cells.size() < i) {
                    cells.add(null);
                }
                cells.add(text(c));
            }
            if (first) {
                header.accept(cells);
                first = false;
            } else {
                if (++dataRows > cap.max()) {
                    throw Problems.fatal(cap.exceeded(r.getRowNum() + 1L));
                }
                each.accept(new TableRows.Row(r.getRowNum() + 1L, cells));
            }
        }
    }

    static String text(Cell c) {
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (type) {
            case STRING -> c.getStringCellValue();
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(c)) {
                    yield c.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                double d = c.getNumericCellValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? new BigDecimal(d).toBigInteger().toString() : Double.toString(d);
            }
            default -> null;
        };
    }
}
