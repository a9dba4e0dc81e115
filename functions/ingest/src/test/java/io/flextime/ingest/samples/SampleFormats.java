package io.flextime.ingest.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.Season;
import io.flextime.ingest.tabular.SeasonTables;
import io.flextime.ingest.tabular.SeasonTables.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a season as a CSV set (files + manifest.json) and as an xlsx workbook, in the tabular layout. */
public final class SampleFormats {
    private SampleFormats() {
    }

    public static void writeCsvSet(Season season, Path dir, ObjectMapper mapper) throws IOException {
        Files.createDirectories(dir);
        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("format", "flextime-csv-set").put("version", 1);
        ObjectNode files = manifest.putObject("files");
        for (Table t : SeasonTables.toTables(season, mapper)) {
            String file = t.name() + ".csv";
            files.put(t.name(), file);
            try (Writer w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
                    CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                p.printRecord(t.header());
                for (List<Object> r : t.rows()) {
                    p.printRecord(r.stream().map(c -> c == null ? "" : c.toString()).toList());
                }
            }
        }
        Files.writeString(dir.resolve("manifest.json"), mapper.writeValueAsString(manifest) + "\n");
    }

    public static byte[] xlsxBytes(Season season, ObjectMapper mapper) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            for (Table t : SeasonTables.toTables(season, mapper)) {
                XSSFSheet sheet = wb.createSheet(t.name());
                XSSFRow header = sheet.createRow(0);
                for (int c = 0; c < t.header().size(); c++) {
                    header.createCell(c).setCellValue(t.header().get(c));
                }
                int r = 1;
                for (List<Object> row : t.rows()) {
                    XSSFRow x = sheet.createRow(r++);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof Number n) {
                            x.createCell(c).setCellValue(n.doubleValue());
                        } else if (v instanceof Boolean b) {
                            x.createCell(c).setCellValue(b);
                        } else if (v != null) {
                            x.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    public static void writeXlsx(Season season, Path file, ObjectMapper mapper) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(xlsxBytes(season, mapper));
        }
    }
}
