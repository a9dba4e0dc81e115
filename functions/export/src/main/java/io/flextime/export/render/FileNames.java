package io.flextime.export.render;

import java.util.Locale;

/** Ids turned into safe object-key segments (S3 keys, sheet names are handled by POI). */
public final class FileNames {
    private FileNames() {
    }

    public static String slug(String id) {
        String s = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "x" : s;
    }
}
