package io.flextime.backup.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.job.BackupJob;
import io.flextime.backup.job.BackupJobs;
import io.flextime.backup.job.Operation;
import io.flextime.backup.restore.RestoreRequest;
import io.flextime.backup.restore.RestoreService;
import io.flextime.backup.retention.RetentionPlan;
import io.flextime.backup.retention.RetentionService;
import io.flextime.backup.store.BackupCatalog;
import io.flextime.backup.store.BackupRun;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP, operators of the platform only (the Door table; never routed by the public API): back up now,
 * list backups, restore to a point in time (into a new flextime_restore_* database), verify a backup,
 * retention. Backing up, verifying and restoring take minutes: those doors check the request, answer
 * {@code 202} with a job at once, and {@code backupJob} reports it until it ends (README "Jobs").
 */
public class BackupApi {
    @Inject
    BackupJobs jobs;
    @Inject
    BackupCatalog catalog;
    @Inject
    RestoreService restores;
    @Inject
    RetentionService retention;
    @Inject
    CurrentCaller caller;
    @Inject
    ObjectMapper mapper;

    @RegisterForReflection
    public static class BackupNowRequest {
        /** FULL (default) or INCREMENTAL. */
        public String kind;
    }

    @RegisterForReflection
    public static class BackupIdRequest {
        public String backupId;
    }

    @RegisterForReflection
    public static class JobRef {
        public String jobId;
    }

    @RegisterForReflection
    public static class RetentionRequest {
        /** true (default): only list what would be kept and deleted. */
        public Boolean dryRun;
    }

    /** A FULL (default) or INCREMENTAL backup, as a job: 202 and the job; its result is the backup. */
    @Funq
    @Guard(value = Door.BACKUP_NOW, accepted = true)
    public BackupJob backupNow(BackupNowRequest request) {
        String kind = request == null || request.kind == null ? Manifest.FULL : request.kind.toUpperCase(Locale.ROOT);
        if (!Manifest.FULL.equals(kind) && !Manifest.INCREMENTAL.equals(kind)) {
            throw new ProblemException(Problem.badRequest("invalid-kind", "kind '" + request.kind + "' must be FULL or INCREMENTAL"));
        }
        return jobs.submit(Operation.BACKUP, mapper.valueToTree(Map.of("kind", kind)), caller.get().actor());
    }

    @Funq
    @Guard(Door.LIST_BACKUPS)
    public List<BackupRun> listBackups() {
        return catalog.list(false);
    }

    /** A restore, as a job: the request is checked now (the live database is refused at once), the restore runs after. */
    @Funq
    @Guard(value = Door.RESTORE, accepted = true)
    public BackupJob restore(RestoreRequest request) {
        restores.check(request, caller.get().actor());
        return jobs.submit(Operation.RESTORE, mapper.valueToTree(request), caller.get().actor());
    }

    /** A verification, as a job: its result says {@code ok} and lists the mismatches. */
    @Funq
    @Guard(value = Door.VERIFY_BACKUP, accepted = true)
    public BackupJob verifyBackup(BackupIdRequest request) {
        if (request == null || request.backupId == null || !request.backupId.matches("bk-\\d{8}T\\d{6}Z-[a-z0-9-]+")) {
            throw new ProblemException(Problem.badRequest("invalid-backup-id", "backupId '" + (request == null ? null : request.backupId)
                    + "' is not a backup id (see listBackups)"));
        }
        return jobs.submit(Operation.VERIFY, mapper.valueToTree(Map.of("backupId", request.backupId)), caller.get().actor());
    }

    /** A job of backupNow, verifyBackup or restore: state, times, attempts, and its result or error. */
    @Funq
    @Guard(Door.BACKUP_JOB)
    public BackupJob backupJob(JobRef ref) {
        return jobs.status(ref == null ? null : ref.jobId);
    }

    @Funq
    @Guard(Door.BACKUP_RETENTION)
    public RetentionPlan backupRetention(RetentionRequest request) {
        return retention.apply(request == null || request.dryRun == null || request.dryRun, caller.get().actor());
    }
}
