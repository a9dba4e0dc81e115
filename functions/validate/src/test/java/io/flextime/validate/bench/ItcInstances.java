package io.flextime.validate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.format.RobinXReader;
import io.flextime.core.model.Season;
import io.flextime.validate.SeasonFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The ITC2021 instances in the repository's data/itc2021, read as canonical seasons. */
public final class ItcInstances {
    private ItcInstances() {
    }

    public static Path folder() {
        return SeasonFixtures.repo().resolve("data").resolve("itc2021");
    }

    public static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(folder())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
    }

    /** Reads an instance with the RobinX reader all functions share (core). */
    public static Season read(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new RobinXReader().read(in, file.getFileName().toString());
        }
    }
}
