package io.flextime.ingest.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the samples and the shared reference data are, seen from the repository. */
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

    /** {@code ../shared/data} beside the repository (the layout of the work tree and of CI). */
    public static Path sharedData(Path root) {
        return root.toAbsolutePath().getParent().resolve("shared").resolve("data");
    }

    public static Path big12Data(Path root) {
        return sharedData(root).resolve("big12");
    }

    public static Path sample(String name) {
        return repoRoot().resolve("samples").resolve(name);
    }
}
