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
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** HTTP: back up now, list backups, restore to a point in time, verify a backup, retention dry run. */
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
    public BackupOutcome backupNow(BackupNowRequest request) {
        String kind = request == null || request.kind == null ? Manifest.FULL : request.kind.toUpperCase(java.util.Locale.ROOT);
        if (!Manifest.FULL.equals(kind) && !Manifest.INCREMENTAL.equals(kind)) {
            throw new ProblemException(Problem.badRequest("invalid-kind", "kind '" + request.kind + "' must be FULL or INCREMENTAL"));
        }
        return backups.backup(kind, null, Instant.now(), UUID.randomUUID().toString());
    }

    @Funq
    public List<BackupRun> listBackups() {
        return catalog.list(false);
    }

    @Funq
    public RestoreResult restore(RestoreRequest request) {
        if (request == null) {
            throw new ProblemException(Problem.badRequest("missing-body", "give targetDatabase (and optionally targetTime, targetSchema, replace)"));
        }
        return restores.restore(request, UUID.randomUUID().toString());
    }

    @Funq
    public VerifyResult verifyBackup(BackupIdRequest request) {
        if (request == null || request.backupId == null || !request.backupId.matches("bk-\\d{8}T\\d{6}Z-[a-z0-9-]+")) {
            throw new ProblemException(Problem.badRequest("invalid-backup-id", "backupId '" + (request == null ? null : request.backupId)
                    + "' is not a backup id (see listBackups)"));
        }
        return verifier.verify(request.backupId, UUID.randomUUID().toString());
    }

    @Funq
    public RetentionPlan backupRetention(RetentionRequest request) {
        return retention.apply(request == null || request.dryRun == null || request.dryRun);
    }
}
