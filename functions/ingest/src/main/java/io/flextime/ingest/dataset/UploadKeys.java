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

    /** Whether the key lies in the tenant's own upload space, {@code uploads/<tenant>/...}. */
    public static boolean belongsTo(String key, String tenant) {
        return parse(key).map(p -> p.tenant().equals(tenant)).orElse(false);
    }

    public static Optional<Parsed> parse(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length()).split("/", -1);
        if (parts.length < 2 || !Tenants.isValid(parts[0])) {
            return Optional.empty();
        }
        for (String part : parts) {
            // S3 keys are not paths, but a file-system backed store may read "..": no such keys at all.
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return Optional.empty();
            }
        }
        String season = parts.length >= 3 ? parts[1] : null;
        return Optional.of(new Parsed(parts[0], season, parts[parts.length - 1]));
    }
}
