package io.flextime.backup.trigger;

import io.flextime.backup.audit.AuditShipper;
import io.flextime.backup.job.BackupJobs;
import io.flextime.backup.retention.RetentionPlan;
import io.flextime.backup.schedule.DailyVerifyOutcome;
import io.flextime.backup.schedule.ScheduledJobs;
import io.flextime.backup.snapshot.BackupOutcome;
import io.flextime.core.audit.Actor;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.trigger.ScheduledEvent;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * EventBridge schedules (locally: POST the ScheduledEvent JSON to /&lt;name&gt; with a platform operator's
 * token, see the README). The event's time selects the window, so a schedule delivered twice does its
 * job once.
 */
public class ScheduleTriggers {
    @Inject
    ScheduledJobs jobs;
    @Inject
    AuditShipper shipper;
    @Inject
    BackupJobs backupJobs;
    @Inject
    CurrentCaller caller;

    @Funq
    @Guard(Door.NIGHTLY_FULL_BACKUP)
    public BackupOutcome nightlyFullBackup(ScheduledEvent event) {
        return jobs.nightlyFull(event.firedAt(), actor(event));
    }

    @Funq
    @Guard(Door.HOURLY_INCREMENTAL_BACKUP)
    public BackupOutcome hourlyIncrementalBackup(ScheduledEvent event) {
        return jobs.hourlyIncremental(event.firedAt(), actor(event));
    }

    @Funq
    @Guard(Door.DAILY_BACKUP_VERIFY)
    public DailyVerifyOutcome dailyBackupVerify(ScheduledEvent event) {
        return jobs.dailyVerify(event.firedAt(), actor(event));
    }

    @Funq
    @Guard(Door.DAILY_BACKUP_RETENTION)
    public RetentionPlan dailyBackupRetention(ScheduledEvent event) {
        return jobs.dailyRetention(actor(event));
    }

    /** Copies the audit rows recorded since the last shipment to the audit bucket (Object Lock in AWS). */
    @Funq
    @Guard(Door.SHIP_AUDIT_TRAIL)
    public AuditShipper.Shipment shipAuditTrail(ScheduledEvent event) {
        return shipper.ship(actor(event));
    }

    /**
     * Runs the jobs that are due (backupNow, verifyBackup, restore), and re-runs or fails those whose
     * process died (expired lease). On Lambda every minute: the only way a job starts there.
     */
    @Funq
    @Guard(Door.RUN_BACKUP_JOBS)
    public BackupJobs.SweepReport runBackupJobs(ScheduledEvent event) {
        return backupJobs.sweep(actor(event));
    }

    /** The caller (AWS, or an operator over HTTP), in the run named by the schedule event's id. */
    private Actor actor(ScheduledEvent event) {
        Actor a = caller.get().actor();
        return a.correlationId() != null ? a : a.withCorrelation(event.getId() != null ? event.getId() : UUID.randomUUID().toString());
    }
}
