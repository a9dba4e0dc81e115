package io.flextime.ingest.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the samples and the reference data ({@code data/}) are, seen from the repository. */
public final class SamplePaths {
    private SamplePaths() {
    }

    public static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("flextime")) && Files.isDirectory(p.resolve("samples"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    /** The repository's copy of the public reference data (data/README.md: provenance and licences). */
    public static Path referenceData(Path root) {
        return root.resolve("data");
    }

    public static Path big12Data(Path root) {
        return referenceData(root).resolve("big12");
    }

    public static Path sample(String name) {
        return repoRoot().resolve("samples").resolve(name);
    }
}
