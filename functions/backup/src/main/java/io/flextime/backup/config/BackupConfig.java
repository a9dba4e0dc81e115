package io.flextime.backup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The backup function's settings ({@code flextime.backup.*}, each overridable by environment). */
@ConfigMapping(prefix = "flextime.backup")
public interface BackupConfig {

    /** S3 key prefix of every backup object in the backups bucket. */
    @WithDefault("backups/")
    String prefix();

    /**
     * Connections a backup reads on, all in one exported snapshot: each reads one table (a full backup's
     * COPY, an incremental one's changes) at a time.
     */
    @WithDefault("2")
    int parallelism();

    /**
     * Connections a restore into a database it creates loads and indexes on at once (one large table's
     * rows are spread over them). Restores into an existing database use one transaction on one.
     */
    @WithDefault("2")
    int restoreConnections();

    /** Rows per cursor read (incremental backups' change logs; two reads are held at a time). */
    @WithDefault("10000")
    int fetchSize();

    /**
     * zstd level. 1 by default: on the bench's 1.6 GB database level 3 cost 1.7 CPU-s more (10.9 s instead
     * of 9.6–10.1 s on 2 cores, where the backup shares the CPU with the server rendering the rows) for
     * 7 % smaller objects (124 MB instead of 133 MB; pg_dump -Fc: 140 MB). Higher levels cost CPU for a few percent.
     */
    @WithDefault("3")
    int zstdLevel();

    /** Plaintext bytes per authenticated chunk. */
    @WithDefault("1048576")
    int chunkSize();

    /** S3 multipart part size (S3 requires at least 5 MiB for every part but the last). */
    @WithDefault("8388608")
    int partSize();

    /** The key id new backups are encrypted under (its key in {@link #keys()}, or a KMS key). */
    String activeKeyId();

    /** Master keys by id, base64 of 32 bytes. Old ids stay here so old backups remain readable. */
    Map<String, String> keys();

    /** More master keys as {@code id=base64,...} (one environment variable: {@code FLEXTIME_BACKUP_KEYS}). */
    java.util.Optional<String> keyRing();

    /** Events about backups are about the whole database: this is their CloudEvents tenant. */
    @WithDefault("flextime")
    String eventTenant();

    /** Verify restores into a scratch database named prefix + random suffix, dropped afterwards. */
    @WithDefault("flextime_verify_")
    String scratchDatabasePrefix();

    Schedule schedule();

    Retention retention();

    Jobs jobs();

    /** backupNow, verifyBackup and restore as jobs (README "Jobs"). */
    interface Jobs {
        /**
         * LOCAL: a job starts on this process' job thread as soon as it is asked for (a long-running
         * process). SWEEP: it waits for the next {@code runBackupJobs} (EventBridge every minute on
         * Lambda, where nothing runs after an invocation has answered).
         */
        @WithDefault("LOCAL")
        Dispatch dispatch();

        /** A running job's lease: a job whose process renewed nothing for this long is taken as dead. */
        @WithDefault("PT2M")
        Duration lease();

        /** How often a running job renews its lease. */
        @WithDefault("PT20S")
        Duration heartbeat();

        /**
         * Attempts of a backup or verification whose process died (a restore is never re-run on its own: its
         * half-made database must be looked at first).
         */
        @WithDefault("3")
        int maxAttempts();

        /** One sweep starts no job after it has run this long (the Lambda's timeout is 15 minutes). */
        @WithDefault("PT5M")
        Duration sweepBudget();

        enum Dispatch { LOCAL, SWEEP }
    }

    interface Schedule {
        /** A nightly full backup: one per window of this length, whatever the trigger count. */
        @WithDefault("P1D")
        Duration fullWindow();

        @WithDefault("PT1H")
        Duration incrementalWindow();

        /** Lease of the writer lock (one backup at a time), renewed while the holder lives: a killed holder frees it after this. */
        @WithDefault("PT2M")
        Duration lockTtl();

        /** How long a backup waits for a running one to finish before giving up. */
        @WithDefault("PT15M")
        Duration lockWait();
    }

    interface Retention {
        @WithDefault("7")
        int daily();

        @WithDefault("4")
        int weekly();

        @WithDefault("12")
        int monthly();
    }
}
