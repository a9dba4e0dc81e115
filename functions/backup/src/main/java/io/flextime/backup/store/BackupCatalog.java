package io.flextime.backup.store;

import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.config.FlexTimeConfig;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backup catalog in PostgreSQL ({@code backup_run}): which backups exist, their state, and the
 * one backup per schedule window. The manifests in S3 stay the truth for restores (a restore works
 * with the database gone); the catalog serves listing, chaining, retention and idempotency.
 * Called from worker threads: each method waits for its query.
 */
@ApplicationScoped
public class BackupCatalog {
    private static final String COLUMNS = "backup_id, kind, parent_id, window_key, status, manifest_key, snapshot_at, "
            + "started_at, ended_at, tables, row_count, bytes, error, verified_at, verified_ok";

    private final BackupDatabase db;
    private final AuditTrail audit;
    private final String platformTenant;

    public BackupCatalog(BackupDatabase db, AuditTrail audit, FlexTimeConfig config) {
        this.db = db;
        this.audit = audit;
        this.platformTenant = config.security().platformTenant();
    }

    /** One statement with its audit record (in the platform tenant's trail), in one transaction on the backup role. */
    private void audited(String sql, Tuple args, Actor actor, String outcome, Object... target) {
        db.pool().withTransaction(conn -> conn.preparedQuery(sql).execute(args)
                .chain(() -> audit.record(conn, platformTenant, actor, outcome, target))).await().indefinitely();
    }

    /**
     * Claims a schedule window for a backup. Empty when the window already has a finished backup;
     * otherwise the backup id to write (a failed or interrupted attempt of the window is retried
     * under its own id, so its objects are overwritten, not duplicated).
     */
    public Optional<String> claimWindow(String windowKey, String backupId, String kind) {
        RowSet<Row> rows = db.pool().preparedQuery("INSERT INTO backup_run (backup_id, kind, window_key) VALUES ($1, $2, $3) "
                + "ON CONFLICT (window_key) DO UPDATE SET status = 'RUNNING', started_at = now(), error = NULL "
                + "WHERE backup_run.status <> 'COMPLETED' AND backup_run.status <> 'DELETED' RETURNING backup_id")
                .execute(Tuple.of(backupId, kind, windowKey)).await().indefinitely();
        return rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getString(0)) : Optional.empty();
    }

    public void start(String backupId, String kind) {
        db.pool().preparedQuery("INSERT INTO backup_run (backup_id, kind) VALUES ($1, $2)")
                .execute(Tuple.of(backupId, kind)).await().indefinitely();
    }

    public Optional<BackupRun> find(String backupId) {
        return one("WHERE backup_id = $1", Tuple.of(backupId));
    }

    public Optional<BackupRun> findWindow(String windowKey) {
        return one("WHERE window_key = $1", Tuple.of(windowKey));
    }

    /** The newest finished backup: the parent of the next incremental. */
    public Optional<BackupRun> latestCompleted() {
        return one("WHERE status = 'COMPLETED' ORDER BY snapshot_at DESC LIMIT 1", Tuple.tuple());
    }

    public List<BackupRun> list(boolean includeDeleted) {
        return many(includeDeleted ? "ORDER BY started_at DESC" : "WHERE status <> 'DELETED' ORDER BY started_at DESC", Tuple.tuple());
    }

    public List<BackupRun> completed() {
        return many("WHERE status = 'COMPLETED' ORDER BY snapshot_at", Tuple.tuple());
    }

    public void complete(String backupId, String kind, String parentId, String manifestKey, String snapshot, Instant snapshotAt,
            Instant endedAt, int tables, long rows, long bytes, Actor actor) {
        audited("UPDATE backup_run SET status = 'COMPLETED', kind = $2, parent_id = $3, manifest_key = $4, "
                        + "snapshot = $5, snapshot_at = $6, ended_at = $7, tables = $8, row_count = $9, bytes = $10, error = NULL "
                        + "WHERE backup_id = $1",
                Tuple.from(new Object[] { backupId, kind, parentId, manifestKey, snapshot, utc(snapshotAt), utc(endedAt), tables,
                        rows, bytes }),
                actor, AuditTrail.OK, "backupId", backupId, "kind", kind, "parentBackupId", parentId, "rows", rows, "bytes", bytes);
    }

    public void fail(String backupId, String error, Actor actor) {
        audited("UPDATE backup_run SET status = 'FAILED', ended_at = now(), error = $2 WHERE backup_id = $1",
                Tuple.of(backupId, error), actor, AuditTrail.FAILED, "backupId", backupId, "error", error);
    }

    public void markVerified(String backupId, boolean ok, Instant at, Actor actor) {
        audited("UPDATE backup_run SET verified_at = $2, verified_ok = $3 WHERE backup_id = $1", Tuple.of(backupId, utc(at), ok),
                actor, AuditTrail.OK, "backupId", backupId, "verified", ok);
    }

    public void markDeleted(String backupId, Actor actor) {
        audited("UPDATE backup_run SET status = 'DELETED' WHERE backup_id = $1", Tuple.of(backupId), actor, AuditTrail.OK,
                "deletedBackupId", backupId);
    }

    /**
     * Drops change-log entries every future incremental already has: those of transactions older
     * than the oldest one still running when the newest backup's snapshot was taken.
     */
    public long pruneChangeLog(String snapshot) {
        long n = db.pool().preparedQuery("DELETE FROM backup_change_log WHERE xid < pg_snapshot_xmin($1::pg_snapshot)")
                .execute(Tuple.of(snapshot)).await().indefinitely().rowCount();
        db.pool().preparedQuery("DELETE FROM backup_change_txn WHERE xid < pg_snapshot_xmin($1::pg_snapshot)")
                .execute(Tuple.of(snapshot)).await().indefinitely();
        return n;
    }

    /** Attaches change capture to tables that lack it; the number attached (see V50__backup.sql). */
    public int attachCaptureToNewTables() {
        return db.pool().query("SELECT backup_capture_attach_all()").execute().await().indefinitely()
                .iterator().next().getInteger(0);
    }

    private Optional<BackupRun> one(String where, Tuple args) {
        List<BackupRun> runs = many(where, args);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private List<BackupRun> many(String where, Tuple args) {
        RowSet<Row> rows = db.pool().preparedQuery("SELECT " + COLUMNS + " FROM backup_run " + where).execute(args)
                .await().indefinitely();
        List<BackupRun> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new BackupRun(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5), instant(r.getOffsetDateTime(6)), instant(r.getOffsetDateTime(7)),
                    instant(r.getOffsetDateTime(8)), r.getInteger(9), r.getLong(10), r.getLong(11), r.getString(12),
                    instant(r.getOffsetDateTime(13)), r.getBoolean(14)));
        }
        return out;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
