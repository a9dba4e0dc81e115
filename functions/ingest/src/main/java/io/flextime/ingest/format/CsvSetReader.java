package io.flextime.ingest.format;

import io.flextime.core.format.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.events.data.IngestRequested;
import io.flextime.ingest.config.IngestLimits;
import io.flextime.ingest.tabular.SeasonTables;
import io.flextime.ingest.tabular.TabularSeasonBuilder;
import io.flextime.ingest.tabular.TableRows;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CSV set: one file per table ({@code season.csv}, {@code teams.csv}, ... see {@link SeasonTables}),
 * as the entries of a zip or as the objects listed by a {@code manifest.json}
 * ({@code {"format":"flextime-csv-set","version":1,"files":{"teams":"teams.csv",...}}}).
 */
@ApplicationScoped
public class CsvSetReader {
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_FORMAT = "flextime-csv-set";

    private final ObjectMapper mapper;
    private final IngestLimits limits;

    public CsvSetReader(ObjectMapper mapper, IngestLimits limits) {
        this.mapper = mapper;
        this.limits = limits;
    }

    /** Table name → part name: from the manifest when there is one, else {@code <table>.csv}. */
    public Map<String, String> files(UploadParts parts, String source) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        if (parts.names().contains(MANIFEST)) {
            try (InputStream in = parts.open(MANIFEST)) {
                files.putAll(manifestFiles(in.readAllBytes(), MANIFEST));
            }
        }
        // Tables the manifest does not list (or all, without a manifest) are found by their file name.
        for (String table : SeasonTables.TABLES) {
            if (!files.containsKey(table) && parts.names().contains(table + ".csv")) {
                files.put(table, table + ".csv");
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (!parts.names().contains(f.getValue())) {
                throw Problems.fatal("MISSING_FILE", f.getValue(), "the " + f.getKey() + " file listed by the manifest is not in "
                        + source);
            }
        }
        return files;
    }

    /** Parses a manifest; every key must be a known table. */
    public Map<String, String> manifestFiles(byte[] manifest, String file) {
        JsonNode root;
        try {
            root = mapper.readTree(manifest);
        } catch (IOException e) {
            throw Problems.fatal("MALFORMED_JSON", file, "the manifest is not JSON: " + e.getMessage());
        }
        if (root == null || !MANIFEST_FORMAT.equals(root.path("format").asText()) || !root.path("files").isObject()) {
            throw Problems.fatal("MALFORMED_MANIFEST", file, "expected {\"format\":\"" + MANIFEST_FORMAT
                    + "\",\"version\":1,\"files\":{\"teams\":\"teams.csv\",...}}");
        }
        Map<String, String> files = new LinkedHashMap<>();
        Problems problems = new Problems();
        root.path("files").fields().forEachRemaining(e -> {
            if (!SeasonTables.TABLES.contains(e.getKey())) {
                problems.add("UNKNOWN_TABLE", file, null, null, "files." + e.getKey(), "unknown table; expected one of "
                        + SeasonTables.TABLES);
            } else if (!e.getValue().isTextual() || e.getValue().asText().contains("/") || e.getValue().asText().contains("\\")) {
                problems.add("WRONG_TYPE", file, null, null, "files." + e.getKey(),
                        "a file name in the manifest's folder is expected (no paths)");
            } else {
                files.put(e.getKey(), e.getValue().asText());
            }
        });
        problems.throwIfAny("invalid manifest");
        return files;
    }

    public ParsedDataset read(UploadParts parts, String source, String format) throws IOException {
        Map<String, String> files = files(parts, source);
        Problems problems = new Problems();
        Map<String, TableRows> tables = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey().equals(SeasonTables.HISTORICAL_GAMES)) {
                continue;
            }
            try (InputStream in = parts.open(f.getValue())) {
                tables.put(f.getKey(), CsvTables.read(in, f.getValue(), problems, limits.rows(f.getKey(), f.getValue(), null)));
            }
        }
        TabularSeasonBuilder builder = new TabularSeasonBuilder(mapper, problems);
        var season = builder.build(tables);
        String games = files.get(SeasonTables.HISTORICAL_GAMES);
        HistoricalGameRows history = games == null ? HistoricalGameRows.NONE : (p, each) -> {
            HistoricalGameParser parser = new HistoricalGameParser(games, null, p);
            try (InputStream in = parts.open(games)) {
                CsvTables.stream(in, games, p, limits.rows(SeasonTables.HISTORICAL_GAMES, games, null), parser::header, row -> {
                    if (parser.usable()) {
                        var g = parser.parse(row);
                        if (g != null) {
                            each.accept(g);
                        }
                    }
                });
            }
        };
        return new ParsedDataset(format == null ? IngestRequested.FORMAT_CSV_ZIP : format, season, history,
                builder.locator(source));
    }
}
