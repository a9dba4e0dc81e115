package io.flextime.backup.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A long operation's job as {@code backupJob} reports it: {@code state} QUEUED, RUNNING, SUCCEEDED or
 * FAILED; {@code result} the operation's answer once SUCCEEDED (backupNow: the backup with its
 * {@code backupId}; verifyBackup: {@code ok} and the mismatches; restore: the restore); {@code error}
 * why it FAILED. {@code attempts} counts runs: a job whose process died is run again.
 */
@RegisterForReflection
public record BackupJob(String jobId, String operation, String state, JsonNode request, String requestedBy,
        String correlationId, int attempts, int maxAttempts, Instant createdAt, Instant startedAt, Instant heartbeatAt,
        Instant leaseUntil, Instant endedAt, JsonNode result, String error) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    public boolean finished() {
        return SUCCEEDED.equals(state) || FAILED.equals(state);
    }
}
