package io.flextime.backup.snapshot;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * What a backup request did. {@code duplicate} is true when the schedule window already had its
 * backup (a trigger delivered twice): nothing was written, the existing backup is described.
 */
@RegisterForReflection
public record BackupOutcome(String backupId, String kind, String parentBackupId, boolean duplicate, String manifestKey,
        int tables, long rows, long bytes, Instant startedAt, Instant endedAt) {
}
