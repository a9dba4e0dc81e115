package io.flextime.ingest.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flextime.core.model.Season;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates {@code samples/big12-mbb-2025-26/} (season.json, csv/, season.xlsx) from the reference data in data/big12:
 * {@code mvn -q -pl functions/ingest test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.flextime.ingest.samples.Big12SampleWriter}. Run it after changing {@link Big12Season}.
 */
public final class Big12SampleWriter {
    private Big12SampleWriter() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : SamplePaths.repoRoot();
        ObjectMapper mapper = mapper();
        Season season = Big12Season.derive(SamplePaths.big12Data(root), mapper);
        Path dir = root.resolve("samples").resolve(Big12Season.KEY);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("season.json"), mapper.writeValueAsString(season) + "\n");
        SampleFormats.writeCsvSet(season, dir.resolve("csv"), mapper);
        SampleFormats.writeXlsx(season, dir.resolve("season.xlsx"), mapper);
        System.out.println("wrote " + dir);
    }
}
