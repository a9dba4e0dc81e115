package io.flextime.backup.restore;

import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.crypto.KeyProvider;
import io.flextime.backup.format.Manifest;
import io.flextime.backup.format.PhaseTimes;
import io.flextime.backup.store.Manifests;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.Refusals;
import io.flextime.events.EventType;
import io.flextime.events.data.RestoreCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Point-in-time restore from the backups bucket alone (the catalog may be gone with the database):
 * plan the chain, create the target (a new flextime_restore_* database, never the live one), load it on
 * several connections (all or nothing: a failure drops the database), record and announce it.
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
    private final AuditTrail audit;
    private final Refusals refusals;

    public RestoreService(Manifests manifests, TargetDatabase targets, ChainLoader loader, KeyProvider keys,
            EventPublisher events, BackupConfig config, AuditTrail audit, Refusals refusals) {
        this.audit = audit;
        this.refusals = refusals;
        this.manifests = manifests;
        this.targets = targets;
        this.loader = loader;
        this.keys = keys;
        this.events = events;
        this.config = config;
    }

    public RestoreResult restore(RestoreRequest request, Actor caller) {
        long start = System.nanoTime();
        String correlationId = caller.correlationId() == null ? UUID.randomUUID().toString() : caller.correlationId();
        Actor actor = caller.withCorrelation(correlationId);
        check(request, actor);
        PhaseTimes phases = new PhaseTimes();
        Instant target = parseTime(request.targetTime);
        String database = request.targetDatabase;
        String schema = schema(request);
        ChainPlanner.Plan plan = plan(target);
        String restoreId = "rst-" + UUID.randomUUID();
        LOG.infof("restore %s: %s into %s.%s via %s", restoreId, target == null ? "newest state" : target, database, schema,
                plan.ids());
        ChainLoader.Loaded loaded;
        try {
            loaded = intoNew(restoreId, database, schema, plan, start, phases);
        } catch (SQLException | IOException | RuntimeException e) {
            audit.operation(refusals.platformTenant(), actor, AuditTrail.FAILED, "restoreId", restoreId, "targetDatabase", database,
                    "error", e.getMessage()).await().indefinitely();
            if (e instanceof SQLException) {
                throw new ProblemException(Problem.of(500, "restore-failed", "Restore failed", "restore into " + database
                        + " failed, the database was dropped: " + e.getMessage()), e);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
        String where = "public".equals(schema) ? database : database + "." + schema;
        audit.operation(refusals.platformTenant(), actor, AuditTrail.OK, "restoreId", restoreId, "targetDatabase", where,
                "targetTime", target, "backupIds", String.join(",", plan.ids()), "rows", loaded.rows()).await().indefinitely();
        events.publishBlocking(events.create(EventType.RESTORE_COMPLETED, restoreId, config.eventTenant(), correlationId, null,
                new RestoreCompleted(restoreId, target == null ? plan.restoredTo() : target, where, plan.ids(), loaded.rows())));
        phases.ended("restore.completed published");
        LOG.infof("restore %s phases (ended at, s): %s", restoreId, phases.endedAt());
        return new RestoreResult(restoreId, where, target, plan.restoredTo(), plan.ids(), loaded.rows(), loaded.rowsPerTable(),
                (System.nanoTime() - start) / 1e9, phases.endedAt());
    }

    /**
     * Refuses a request that cannot be restored, before any work: no body, a time that is not an instant, a
     * target that is not a new {@code flextime_restore_*} database (the live one: 403, in the audit trail), a
     * bad schema name. What only the restore can find (no backup for the time, the target exists) it reports.
     */
    public void check(RestoreRequest request, Actor actor) {
        if (request == null) {
            throw new ProblemException(Problem.badRequest("missing-body", "give targetDatabase (flextime_restore_<suffix>) and "
                    + "optionally targetTime and targetSchema"));
        }
        parseTime(request.targetTime);
        try {
            targets.requireRestoreTarget(request.targetDatabase);
        } catch (ProblemException e) {
            if (e.problem().status() == 403) {
                throw refusals.refuse(refusals.platformTenant(), actor, 403, e.problem().code(), e.problem().detail(),
                        "targetDatabase", request.targetDatabase);
            }
            throw e;
        }
        schema(request);
    }

    private static String schema(RestoreRequest request) {
        return TargetDatabase.requireName("targetSchema",
                request.targetSchema == null || request.targetSchema.isBlank() ? "public" : request.targetSchema);
    }

    /**
     * All or nothing by dropping the database on failure: it is created by this restore (never an existing
     * one), so the load can commit step by step on {@code flextime.backup.restore-connections} connections
     * at once (one transaction is one server backend, i.e. one core). Until it is complete only its owner
     * may connect.
     */
    private ChainLoader.Loaded intoNew(String restoreId, String database, String schema, ChainPlanner.Plan plan, long start,
            PhaseTimes phases) throws SQLException, IOException {
        Manifest full = plan.chain().get(0);
        if (!targets.createForRestore(database, restoreId, full.schemaVersion())) {
            throw new ProblemException(Problem.of(409, "target-exists", "Target database exists", "target database " + database
                    + " exists: a restore creates its database (drop it, or choose another " + TargetDatabase.RESTORE_PREFIX
                    + "* name)"));
        }
        List<Connection> connections = new ArrayList<>();
        try {
            LOG.infof("restore %s: new target ready after %.2f s", restoreId, (System.nanoTime() - start) / 1e9);
            phases.ended("target ready");
            for (int i = 0; i < Math.max(1, config.restoreConnections()); i++) {
                Connection c = targets.connect(database);
                connections.add(c);
                c.setAutoCommit(false);
            }
            targets.prepareTables(connections.get(0), schema, full);
            connections.get(0).commit();
            ChainLoader.Loaded loaded = loader.load(RestoreConnections.newDatabase(connections), schema, plan, keys, false, phases);
            targets.advanceSequences(connections.get(0), schema);
            connections.get(0).commit();
            closeAll(connections);
            targets.open(database);
            phases.ended("target opened");
            return loaded;
        } catch (SQLException | IOException | RuntimeException e) {
            closeAll(connections);
            try {
                targets.drop(database);
            } catch (SQLException | RuntimeException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw e;
        }
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debugf("closing a restore connection: %s", e.getMessage());
            }
        }
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
