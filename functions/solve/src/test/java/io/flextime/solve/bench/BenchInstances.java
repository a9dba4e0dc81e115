package io.flextime.solve.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flextime.core.model.Season;
import io.flextime.core.format.RobinXReader;
import io.flextime.core.format.TtpMatrixReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Loads benchmark instances through ingest's readers (one parser per format) and their best-known values. */
public final class BenchInstances {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private BenchInstances() {
    }

    /** The repository's {@code data/} (data/README.md), found from a module's or the root's working directory. */
    public static Path repoData() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("flextime")) && Files.isDirectory(p.resolve("data"))) {
                return p.resolve("data");
            }
        }
        throw new IllegalStateException("no data/ beside ./flextime above " + Path.of("").toAbsolutePath());
    }

    public static Season ttp(Path data, String name) throws IOException {
        Path file = data.resolve("ttp").resolve(name.toLowerCase(Locale.ROOT) + ".txt");
        try (InputStream in = Files.newInputStream(file)) {
            return new TtpMatrixReader().read(in, file.getFileName().toString());
        }
    }

    public static Season itc(Path data, String name) throws IOException {
        String base = name.startsWith("ITC2021_") || name.startsWith("TestInstance") ? name : "ITC2021_" + name;
        Path file = data.resolve("itc2021").resolve(base + ".xml");
        try (InputStream in = Files.newInputStream(file)) {
            return new RobinXReader().read(in, file.getFileName().toString());
        }
    }

    public static Season seasonJson(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Season.class);
    }

    /** instance (upper case, without ITC2021_ prefix) → best known objective, from best_known.csv. */
    public static Map<String, Double> bestKnown(Path csv, int valueColumn) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length > valueColumn) {
                out.put(key(cells[0]), Double.parseDouble(cells[valueColumn]));
            }
        }
        return out;
    }

    public static String key(String instance) {
        return instance.toUpperCase(Locale.ROOT).replace("ITC2021_", "");
    }
}
