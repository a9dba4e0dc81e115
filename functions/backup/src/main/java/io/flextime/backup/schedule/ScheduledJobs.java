package io.flextime.backup.schedule;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.retention.RetentionPlan;
import io.flextime.backup.retention.RetentionService;
import io.flextime.backup.snapshot.BackupOutcome;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.backup.store.BackupCatalog;
import io.flextime.backup.store.BackupRun;
import io.flextime.backup.verify.BackupVerifier;
import io.flextime.core.audit.Actor;
import io.flextime.core.store.RedisLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What each schedule does for its window. Backups are made once per window by the catalog's unique
 * window key (under the writer lock); the daily verification once per window by a Redis marker;
 * retention is idempotent by nature (a second run finds nothing more to delete).
 */
@ApplicationScoped
public class ScheduledJobs {
    private final BackupService backups;
    private final BackupVerifier verifier;
    private final RetentionService retention;
    private final BackupCatalog catalog;
    private final RedisLock locks;
    private final BackupConfig config;

    public ScheduledJobs(BackupService backups, BackupVerifier verifier, RetentionService retention, BackupCatalog catalog,
            RedisLock locks, BackupConfig config) {
        this.backups = backups;
        this.verifier = verifier;
        this.retention = retention;
        this.catalog = catalog;
        this.locks = locks;
        this.config = config;
    }

    public BackupOutcome nightlyFull(Instant firedAt, Actor actor) {
        Instant window = ScheduleWindows.windowStart(firedAt, config.schedule().fullWindow());
        return backups.backup(Manifest.FULL, "full:" + window, window, actor);
    }

    public BackupOutcome hourlyIncremental(Instant firedAt, Actor actor) {
        Instant window = ScheduleWindows.windowStart(firedAt, config.schedule().incrementalWindow());
        return backups.backup(Manifest.INCREMENTAL, "incremental:" + window, window, actor);
    }

    /** Verifies the newest finished backup, once per day window. */
    public DailyVerifyOutcome dailyVerify(Instant firedAt, Actor actor) {
        Instant window = ScheduleWindows.windowStart(firedAt, Duration.ofDays(1));
        Optional<BackupRun> newest = catalog.latestCompleted();
        if (newest.isEmpty()) {
            return new DailyVerifyOutcome(window.toString(), false, null, null);
        }
        Optional<RedisLock.Lease> marker = locks.tryAcquire("flextime:backup:verify:" + window, Duration.ofDays(2));
        if (marker.isEmpty()) {
            return new DailyVerifyOutcome(window.toString(), true, newest.get().backupId(), null);
        }
        try {
            return new DailyVerifyOutcome(window.toString(), false, newest.get().backupId(),
                    verifier.verify(newest.get().backupId(), actor));
        } catch (RuntimeException e) {
            marker.get().close(); // let a retry of this window run
            throw e;
        }
    }

    public RetentionPlan dailyRetention(Actor actor) {
        return retention.apply(false, actor);
    }
}
