package io.flextime.ingest.format;

import io.flextime.core.format.TtpMatrixReader;
import io.flextime.core.format.Problems;
import io.flextime.events.data.IngestRequested;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * Decides an upload's format from what the caller declared, else from its content (magic bytes first,
 * the file extension only to break ties), so a mislabelled file is still read or clearly refused.
 */
public final class FormatDetector {
    public static final String UNKNOWN_FORMAT = "UNKNOWN_FORMAT";

    private FormatDetector() {
    }

    public static String detect(Upload upload, String declared) throws IOException {
        if (declared != null && !declared.isBlank()) {
            String d = declared.trim().toLowerCase(Locale.ROOT);
            if (!IngestRequested.FORMATS.contains(d)) {
                throw Problems.fatal(UNKNOWN_FORMAT, upload.fileName(), "unknown format '" + declared + "'; expected one of "
                        + IngestRequested.FORMATS);
            }
            return d;
        }
        if (upload.size() == 0) {
            throw Problems.fatal("EMPTY_FILE", upload.fileName(), "the upload is empty");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(upload.file())) {
            head = in.readNBytes(4096);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return isWorkbook(upload) ? IngestRequested.FORMAT_XLSX : IngestRequested.FORMAT_CSV_ZIP;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3);
        }
        String t = text.stripLeading();
        if (t.startsWith("{")) {
            return t.contains("\"flextime-csv-set\"") || upload.fileName().equalsIgnoreCase(CsvSetReader.MANIFEST)
                    ? IngestRequested.FORMAT_CSV_MANIFEST : IngestRequested.FORMAT_JSON;
        }
        if (t.startsWith("<")) {
            return IngestRequested.FORMAT_ROBINX_XML;
        }
        if (TtpMatrixReader.looksLikeMatrix(text.length() > 2000 ? text.substring(0, text.lastIndexOf('\n', 2000) + 1) : text)) {
            return IngestRequested.FORMAT_TTP_MATRIX;
        }
        if (upload.extension().equals("csv")) {
            throw Problems.fatal(UNKNOWN_FORMAT, upload.fileName(), "a single CSV file is not a season: upload the CSV set"
                    + " as a zip, or its files plus a manifest.json (see samples/big12-mbb-2025-26/csv)");
        }
        throw Problems.fatal(UNKNOWN_FORMAT, upload.fileName(), "the content is none of " + IngestRequested.FORMATS
                + " (JSON season, CSV set as zip or manifest, xlsx workbook, RobinX XML, TTP distance matrix)");
    }

    private static boolean isWorkbook(Upload upload) {
        try (ZipFile zip = new ZipFile(upload.file().toFile())) {
            return Collections.list(zip.entries()).stream().anyMatch(e -> e.getName().equals("[Content_Types].xml")
                    || e.getName().startsWith("xl/"));
        } catch (IOException e) {
            return upload.extension().equals("xlsx");
        }
    }
}
