package io.flextime.ingest.dataset;

import io.flextime.core.store.Tenants;
import java.util.Locale;
import java.util.Optional;

/**
 * The upload key convention: {@code uploads/<tenant>/<file>} or {@code uploads/<tenant>/<season>/<file>};
 * the season folder, when present, is the season key of the new version.
 */
public final class UploadKeys {
    public static final String PREFIX = "uploads/";

    private UploadKeys() {
    }

    public record Parsed(String tenant, String season, String fileName) {
        /** CSV files of a set are read when their manifest arrives, not one by one. */
        public boolean isCsvPart() {
            return fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
        }
    }

    public static Optional<Parsed> parse(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length()).split("/");
        if (parts.length < 2 || !Tenants.isValid(parts[0]) || parts[parts.length - 1].isEmpty()) {
            return Optional.empty();
        }
        String season = parts.length >= 3 ? parts[1] : null;
        return Optional.of(new Parsed(parts[0], season, parts[parts.length - 1]));
    }
}
