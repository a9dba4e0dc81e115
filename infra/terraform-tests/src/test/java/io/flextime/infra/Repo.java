package io.flextime.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the work tree the checks read: the Terraform, the functions and the event contract. */
final class Repo {
    static final String TOPICS_TXT = "events/src/main/resources/flextime/events/topics.txt";

    private Repo() {
    }

    /** The repository root: {@code -Dflextime.root} (set by the POM), else the first parent holding topics.txt. */
    static Path root() {
        String configured = System.getProperty("flextime.root");
        if (configured != null) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(TOPICS_TXT))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found (no " + TOPICS_TXT + " above " + Paths.get("").toAbsolutePath() + ")");
    }

    static Path terraform() {
        return root().resolve("infra/terraform");
    }

    static Path exampleEnv() {
        return terraform().resolve("envs/example");
    }

    static Path module(String name) {
        return terraform().resolve("modules").resolve(name);
    }

    static Path functions() {
        return root().resolve("functions");
    }

    static Path topicsFile() {
        return root().resolve(TOPICS_TXT);
    }

    static Path eventsReadme() {
        return root().resolve("events/README.md");
    }

    static Path coreConfig() {
        return functions().resolve("core/src/main/resources/META-INF/microprofile-config.properties");
    }

    /** Every file under {@code dir} whose name ends with one of the suffixes, sorted (stable order everywhere). */
    static List<Path> filesUnder(Path dir, String... suffixes) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().indexOf("/.terraform/") < 0)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
