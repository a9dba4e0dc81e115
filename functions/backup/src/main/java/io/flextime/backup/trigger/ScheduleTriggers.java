package io.flextime.backup.trigger;

import io.flextime.backup.retention.RetentionPlan;
import io.flextime.backup.schedule.DailyVerifyOutcome;
import io.flextime.backup.schedule.ScheduledJobs;
import io.flextime.backup.snapshot.BackupOutcome;
import io.flextime.core.trigger.ScheduledEvent;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * EventBridge schedules (locally: POST the ScheduledEvent JSON to /&lt;name&gt;, see the README).
 * The event's time selects the window, so a schedule delivered twice does its job once.
 */
public class ScheduleTriggers {
    @Inject
    ScheduledJobs jobs;

    @Funq
    public BackupOutcome nightlyFullBackup(ScheduledEvent event) {
        return jobs.nightlyFull(event.firedAt(), correlation(event));
    }

    @Funq
    public BackupOutcome hourlyIncrementalBackup(ScheduledEvent event) {
        return jobs.hourlyIncremental(event.firedAt(), correlation(event));
    }

    @Funq
    public DailyVerifyOutcome dailyBackupVerify(ScheduledEvent event) {
        return jobs.dailyVerify(event.firedAt(), correlation(event));
    }

    @Funq
    public RetentionPlan dailyBackupRetention(ScheduledEvent event) {
        return jobs.dailyRetention();
    }

    private static String correlation(ScheduledEvent event) {
        return event.getId() != null ? event.getId() : java.util.UUID.randomUUID().toString();
    }
}
