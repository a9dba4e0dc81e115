package io.flextime.backup.trigger;

import io.flextime.backup.format.Manifest;
import io.flextime.backup.restore.RestoreRequest;
import io.flextime.backup.restore.RestoreResult;
import io.flextime.backup.restore.RestoreService;
import io.flextime.backup.retention.RetentionPlan;
import io.flextime.backup.retention.RetentionService;
import io.flextime.backup.snapshot.BackupOutcome;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.backup.store.BackupCatalog;
import io.flextime.backup.store.BackupRun;
import io.flextime.backup.verify.BackupVerifier;
import io.flextime.backup.verify.VerifyResult;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * HTTP, operators of the platform only (the Door table; never routed by the public API): back up now,
 * list backups, restore to a point in time (into a new flextime_restore_* database), verify a backup,
 * retention.
 */
public class BackupApi {
    @Inject
    BackupService backups;
    @Inject
    BackupCatalog catalog;
    @Inject
    RestoreService restores;
    @Inject
    BackupVerifier verifier;
    @Inject
    RetentionService retention;
    @Inject
    CurrentCaller caller;

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
    public static class RetentionRequest {
        /** true (default): only list what would be kept and deleted. */
        public Boolean dryRun;
    }

    @Funq
    @Guard(Door.BACKUP_NOW)
    public BackupOutcome backupNow(BackupNowRequest request) {
        String kind = request == null || request.kind == null ? Manifest.FULL : request.kind.toUpperCase(Locale.ROOT);
        if (!Manifest.FULL.equals(kind) && !Manifest.INCREMENTAL.equals(kind)) {
            throw new ProblemException(Problem.badRequest("invalid-kind", "kind '" + request.kind + "' must be FULL or INCREMENTAL"));
        }
        return backups.backup(kind, null, Instant.now(), caller.get().actor());
    }

    @Funq
    @Guard(Door.LIST_BACKUPS)
    public List<BackupRun> listBackups() {
        return catalog.list(false);
    }

    @Funq
    @Guard(Door.RESTORE)
    public RestoreResult restore(RestoreRequest request) {
        return restores.restore(request, caller.get().actor());
    }

    @Funq
    @Guard(Door.VERIFY_BACKUP)
    public VerifyResult verifyBackup(BackupIdRequest request) {
        if (request == null || request.backupId == null || !request.backupId.matches("bk-\\d{8}T\\d{6}Z-[a-z0-9-]+")) {
            throw new ProblemException(Problem.badRequest("invalid-backup-id", "backupId '" + (request == null ? null : request.backupId)
                    + "' is not a backup id (see listBackups)"));
        }
        return verifier.verify(request.backupId, caller.get().actor());
    }

    @Funq
    @Guard(Door.BACKUP_RETENTION)
    public RetentionPlan backupRetention(RetentionRequest request) {
        return retention.apply(request == null || request.dryRun == null || request.dryRun, caller.get().actor());
    }
}
