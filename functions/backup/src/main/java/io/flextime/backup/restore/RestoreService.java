package io.flextime.backup.restore;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.crypto.KeyProvider;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.store.Manifests;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.events.EventType;
import io.flextime.events.data.RestoreCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Point-in-time restore from the backups bucket alone (the catalog may be gone with the database):
 * plan the chain, prepare the target, load it in one transaction (all or nothing), announce it.
 */
@ApplicationScoped
public class RestoreService {
    private static final Logger LOG = Logger.getLogger(RestoreService.class);

    private final Manifests manifests;
    private final TargetDatabase targets;
    private final ChainLoader loader;
    private final KeyProvider keys;
    private final EventPublisher events;
    private final BackupConfig config;

    public RestoreService(Manifests manifests, TargetDatabase targets, ChainLoader loader, KeyProvider keys,
            EventPublisher events, BackupConfig config) {
        this.manifests = manifests;
        this.targets = targets;
        this.loader = loader;
        this.keys = keys;
        this.events = events;
        this.config = config;
    }

    public RestoreResult restore(RestoreRequest request, String correlationId) {
        long start = System.nanoTime();
        Instant target = parseTime(request.targetTime);
        String database = TargetDatabase.requireName("targetDatabase", request.targetDatabase);
        String schema = TargetDatabase.requireName("targetSchema",
                request.targetSchema == null || request.targetSchema.isBlank() ? "public" : request.targetSchema);
        ChainPlanner.Plan plan = plan(target);
        Manifest full = plan.chain().get(0);
        String restoreId = "rst-" + UUID.randomUUID();
        LOG.infof("restore %s: %s into %s.%s via %s", restoreId, target == null ? "newest state" : target, database, schema,
                plan.ids());
        ChainLoader.Loaded loaded;
        try {
            targets.prepareDatabase(database, full.schemaVersion());
            LOG.infof("restore %s: target ready after %.2f s", restoreId, (System.nanoTime() - start) / 1e9);
            try (Connection c = targets.connect(database)) {
                c.setAutoCommit(false);
                try {
                    targets.prepareTables(c, schema, full, request.replace);
                    loaded = loader.load(c, schema, plan, keys, false);
                    c.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new ProblemException(Problem.of(500, "restore-failed", "Restore failed", "restore into " + database
                    + " failed, nothing was changed: " + e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String where = "public".equals(schema) ? database : database + "." + schema;
        events.publishBlocking(events.create(EventType.RESTORE_COMPLETED, restoreId, config.eventTenant(), correlationId, null,
                new RestoreCompleted(restoreId, target == null ? plan.restoredTo() : target, where, plan.ids(), loaded.rows())));
        return new RestoreResult(restoreId, where, target, plan.restoredTo(), plan.ids(), loaded.rows(), loaded.rowsPerTable(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The chain for a point in time from every readable manifest; a chain member that cannot be read fails precisely. */
    public ChainPlanner.Plan plan(Instant target) {
        Map<String, Manifest> readable = new LinkedHashMap<>();
        for (String id : manifests.ids()) {
            try {
                readable.put(id, manifests.read(id));
            } catch (RuntimeException e) {
                LOG.warnf("backup %s is not usable and is skipped: %s", id, e.getMessage());
            }
        }
        return ChainPlanner.forTime(readable, id -> readable.containsKey(id) ? readable.get(id) : manifests.read(id), target);
    }

    static Instant parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.badRequest("invalid-target-time", "targetTime '" + text
                    + "' is not an ISO-8601 instant such as 2025-11-03T06:45:00Z"));
        }
    }
}
