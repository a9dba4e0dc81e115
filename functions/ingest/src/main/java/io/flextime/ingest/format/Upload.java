package io.flextime.ingest.format;

import java.nio.file.Path;

/**
 * An upload spooled to a local file (so it is read from S3 once, hashed while streaming, and never
 * held in memory).
 *
 * @param name   the object key or file name the user gave (for format detection and problem reports)
 * @param file   the local copy
 * @param size   bytes
 * @param sha256 lower-case hex SHA-256 of the bytes
 */
public record Upload(String name, Path file, long size, String sha256) {

    public String fileName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    public String extension() {
        String f = fileName().toLowerCase(java.util.Locale.ROOT);
        int dot = f.lastIndexOf('.');
        return dot < 0 ? "" : f.substring(dot + 1);
    }
}
