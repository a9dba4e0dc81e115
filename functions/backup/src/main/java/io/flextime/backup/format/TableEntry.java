package io.flextime.backup.format;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One table in a backup manifest.
 *
 * @param name            table name (schema public)
 * @param columns         the columns in the order of each line (COPY column list on restore)
 * @param objectKey       S3 key of the encrypted object; null when an incremental has no change for it
 * @param rows            lines in the object: the table's rows (full) or its change entries (incremental)
 * @param plaintextSha256 SHA-256 (hex) of the object's plaintext (before compression and encryption)
 * @param plaintextBytes  plaintext size
 * @param storedBytes     object size in S3 (compressed, encrypted, framed)
 * @param rowsAtSnapshot  the table's row count in the backup's snapshot (checked by verify)
 */
@RegisterForReflection
public record TableEntry(String name, List<String> columns, String objectKey, long rows, String plaintextSha256,
        long plaintextBytes, long storedBytes, long rowsAtSnapshot) {
}
