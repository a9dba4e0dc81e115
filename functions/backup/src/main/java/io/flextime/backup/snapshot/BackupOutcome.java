package io.flextime.backup.snapshot;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;

/**
 * What a backup request did. {@code duplicate} is true when the schedule window already had its
 * backup (a trigger delivered twice): nothing was written, the existing backup is described.
 * {@code phases}: when each phase of this request ended, seconds since it began (snapshot, each table or
 * the changes, manifest, catalog and event); empty for a duplicate.
 */
@RegisterForReflection
public record BackupOutcome(String backupId, String kind, String parentBackupId, boolean duplicate, String manifestKey,
        int tables, long rows, long bytes, Instant startedAt, Instant endedAt, Map<String, Double> phases) {
}
