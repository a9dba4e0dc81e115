package io.flextime.backup.snapshot;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.format.BackupLayout;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.format.PhaseTimes;
import io.flextime.backup.store.BackupCatalog;
import io.flextime.backup.store.BackupObjects;
import io.flextime.backup.store.BackupRun;
import io.flextime.backup.store.Manifests;
import io.flextime.backup.store.WriterLock;
import io.flextime.core.audit.Actor;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.events.EventType;
import io.flextime.events.data.BackupCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Backs up now or for a schedule window: one writer at a time, one backup per window, an
 * incremental only when it can chain (else a full one), then the catalog, the change-log pruning
 * and the {@code backup.completed} event.
 */
@ApplicationScoped
public class BackupService {
    private static final Logger LOG = Logger.getLogger(BackupService.class);

    private final BackupTaker taker;
    private final BackupCatalog catalog;
    private final Manifests manifests;
    private final BackupObjects objects;
    private final WriterLock writerLock;
    private final EventPublisher events;
    private final BackupConfig config;

    public BackupService(BackupTaker taker, BackupCatalog catalog, Manifests manifests, BackupObjects objects,
            WriterLock writerLock, EventPublisher events, BackupConfig config) {
        this.taker = taker;
        this.catalog = catalog;
        this.manifests = manifests;
        this.objects = objects;
        this.writerLock = writerLock;
        this.events = events;
        this.config = config;
    }

    /**
     * @param requestedKind FULL or INCREMENTAL
     * @param windowKey     the schedule window (null for "back up now")
     * @param idTime        the time in the backup id (the window start, or now)
     */
    public BackupOutcome backup(String requestedKind, String windowKey, Instant idTime, Actor actor) {
        return backup(requestedKind, windowKey, idTime, windowKey == null ? UUID.randomUUID().toString().substring(0, 6) : null, actor);
    }

    /** As above, the backup id ending in {@code idSuffix} (null: none; a window is unique by itself). */
    public BackupOutcome backup(String requestedKind, String windowKey, Instant idTime, String idSuffix, Actor actor) {
        String correlationId = actor.correlationId() == null ? UUID.randomUUID().toString() : actor.correlationId();
        try (WriterLock.Held lease = writerLock.acquire()) {
            if (windowKey != null) {
                Optional<BackupRun> done = catalog.findWindow(windowKey).filter(r -> !BackupRun.FAILED.equals(r.status())
                        && !BackupRun.RUNNING.equals(r.status()));
                if (done.isPresent()) {
                    LOG.infof("window %s already has backup %s: nothing to do", windowKey, done.get().backupId());
                    return described(done.get());
                }
            }
            boolean newTables = catalog.attachCaptureToNewTables() > 0;
            Manifest parent = Manifest.INCREMENTAL.equals(requestedKind) ? chainableParent(newTables) : null;
            String kind = parent == null ? Manifest.FULL : Manifest.INCREMENTAL;
            String backupId = BackupLayout.backupId(idTime, kind, idSuffix);
            if (windowKey != null) {
                Optional<String> claimed = catalog.claimWindow(windowKey, backupId, kind);
                if (claimed.isEmpty()) {
                    return described(catalog.findWindow(windowKey).orElseThrow());
                }
                backupId = claimed.get();
            } else {
                catalog.start(backupId, kind);
            }
            try {
                PhaseTimes phases = new PhaseTimes();
                Manifest m = taker.take(backupId, parent, () -> lease.renew(), phases);
                catalog.complete(backupId, m.kind(), m.parentBackupId(), objects.layout().manifestKey(backupId), m.snapshot(),
                        m.snapshotAt(), m.endedAt(), m.tables().size(), m.rows(), m.storedBytes(), actor.withCorrelation(correlationId));
                long pruned = catalog.pruneChangeLog(m.snapshot());
                LOG.debugf("pruned %d change-log entries older than backup %s", pruned, backupId);
                BackupCompleted data = new BackupCompleted(backupId, m.kind(), m.parentBackupId(),
                        objects.layout().manifestKey(backupId), m.tables().size(), m.rows(), m.storedBytes(), m.startedAt(),
                        m.endedAt());
                events.publishBlocking(events.create(EventType.BACKUP_COMPLETED, backupId, config.eventTenant(),
                        correlationId, null, data));
                phases.ended("catalog and event");
                LOG.infof("backup %s phases (ended at, s): %s", backupId, phases.endedAt());
                return new BackupOutcome(backupId, m.kind(), m.parentBackupId(), false, data.manifestKey(), data.tables(),
                        data.rows(), data.bytes(), m.startedAt(), m.endedAt(), phases.endedAt());
            } catch (RuntimeException e) {
                catalog.fail(backupId, String.valueOf(e.getMessage()), actor.withCorrelation(correlationId));
                throw e;
            }
        }
    }

    /** The live database's schema version (the highest applied migration): what a backup taken now records. */
    public String schemaVersion() {
        return taker.currentSchemaVersion();
    }

    /** The newest finished backup, if an incremental can continue it (same schema, no new tables). */
    private Manifest chainableParent(boolean newTables) {
        if (newTables) {
            LOG.info("tables without change capture were found and attached: taking a full backup");
            return null;
        }
        Optional<BackupRun> latest = catalog.latestCompleted();
        if (latest.isEmpty()) {
            LOG.info("no finished backup to continue: taking a full backup");
            return null;
        }
        Manifest parent = manifests.read(latest.get().backupId());
        if (!parent.schemaVersion().equals(taker.currentSchemaVersion())) {
            LOG.infof("schema changed since backup %s (%s → %s): taking a full backup", parent.backupId(),
                    parent.schemaVersion(), taker.currentSchemaVersion());
            return null;
        }
        return parent;
    }

    private static BackupOutcome described(BackupRun r) {
        return new BackupOutcome(r.backupId(), r.kind(), r.parentId(), true, r.manifestKey(),
                r.tables() == null ? 0 : r.tables(), r.rows() == null ? 0 : r.rows(), r.bytes() == null ? 0 : r.bytes(),
                r.startedAt(), r.endedAt(), Map.of());
    }
}
