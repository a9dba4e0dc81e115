package io.flextime.backup.verify;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.crypto.BackupIntegrityException;
import io.flextime.backup.crypto.KeyProvider;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.restore.ChainLoader;
import io.flextime.backup.restore.ChainPlanner;
import io.flextime.backup.restore.RestoreConnections;
import io.flextime.backup.restore.TargetDatabase;
import io.flextime.backup.store.BackupCatalog;
import io.flextime.backup.store.Manifests;
import io.flextime.core.audit.Actor;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.events.EventType;
import io.flextime.events.data.BackupVerified;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Proves a backup restores: its chain is loaded into a scratch database (created, migrated to the
 * backup's schema version, dropped afterwards), every object is authenticated and checksummed on the
 * way in, the full backup's tables are re-read and checksummed, and the final row counts are
 * compared with the manifest. Then {@code backup.verified} says how it went.
 */
@ApplicationScoped
public class BackupVerifier {
    private static final Logger LOG = Logger.getLogger(BackupVerifier.class);

    private final Manifests manifests;
    private final TargetDatabase targets;
    private final ChainLoader loader;
    private final BackupCatalog catalog;
    private final EventPublisher events;
    private final BackupConfig config;
    private final KeyProvider keys;

    public BackupVerifier(Manifests manifests, TargetDatabase targets, ChainLoader loader, BackupCatalog catalog,
            EventPublisher events, BackupConfig config, KeyProvider keys) {
        this.manifests = manifests;
        this.targets = targets;
        this.loader = loader;
        this.catalog = catalog;
        this.events = events;
        this.config = config;
        this.keys = keys;
    }

    public VerifyResult verify(String backupId, Actor actor) {
        return verify(backupId, keys, actor);
    }

    /** With a given key provider (tests and key rotations check a backup under other keys). */
    public VerifyResult verify(String backupId, KeyProvider with, Actor actor) {
        String correlationId = actor.correlationId() == null ? UUID.randomUUID().toString() : actor.correlationId();
        long start = System.nanoTime();
        String scratch = config.scratchDatabasePrefix() + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> mismatches = new ArrayList<>();
        List<String> chain = List.of();
        int tables = 0;
        try {
            ChainPlanner.Plan plan = ChainPlanner.forBackup(id -> manifests.read(id, with), backupId);
            chain = plan.ids();
            Manifest full = plan.chain().get(0);
            tables = plan.chain().get(plan.chain().size() - 1).tables().size();
            targets.createScratch(scratch, full.schemaVersion());
            try (Connection c = targets.connect(scratch)) {
                c.setAutoCommit(false);
                mismatches.addAll(loader.load(RestoreConnections.oneTransaction(c), "public", plan, with, true).mismatches());
                c.rollback();
            }
        } catch (BackupIntegrityException e) {
            mismatches.add(e.code() + ": " + e.getMessage());
        } catch (Exception e) {
            if (e instanceof io.flextime.core.problem.ProblemException p) {
                mismatches.add(p.problem().code() + ": " + p.getMessage());
            } else {
                LOG.errorf(e, "verification of %s could not run", backupId);
                mismatches.add("verification-error: " + e.getMessage());
            }
        } finally {
            try {
                targets.drop(scratch);
            } catch (Exception e) {
                LOG.warnf("scratch database %s was not dropped: %s", scratch, e.getMessage());
            }
        }
        Instant at = Instant.now();
        boolean ok = mismatches.isEmpty();
        catalog.markVerified(backupId, ok, at, actor.withCorrelation(correlationId));
        events.publishBlocking(events.create(EventType.BACKUP_VERIFIED, backupId, config.eventTenant(), correlationId, null,
                new BackupVerified(backupId, ok, tables, List.copyOf(mismatches), at)));
        LOG.infof("backup %s verified: %s %s", backupId, ok ? "ok" : "FAILED", mismatches);
        return new VerifyResult(backupId, ok, tables, List.copyOf(mismatches), chain, scratch, at, (System.nanoTime() - start) / 1e9);
    }
}
