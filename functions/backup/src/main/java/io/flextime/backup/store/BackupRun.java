package io.flextime.backup.store;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A row of the backup catalog ({@code backup_run}). */
@RegisterForReflection
public record BackupRun(String backupId, String kind, String parentId, String windowKey, String status,
        String manifestKey, Instant snapshotAt, Instant startedAt, Instant endedAt, Integer tables, Long rows,
        Long bytes, String error, Instant verifiedAt, Boolean verifiedOk) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String DELETED = "DELETED";

    public boolean completed() {
        return COMPLETED.equals(status);
    }
}
