package io.flextime.backup.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.backup.job.BackupJob;
import io.flextime.backup.job.Operation;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.config.FlexTimeConfig;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The jobs of the long operations ({@code backup_job}, V81) on the backup role's pool. A running job
 * holds a lease that its heartbeat renews; whoever finds the lease expired may take the job over, and
 * every write of a running job names its lease owner, so a job taken over cannot be finished twice.
 * Called from worker threads: each method waits for its query.
 */
@ApplicationScoped
public class JobStore {
    private static final String COLUMNS = "job_id, operation, state, request::text, requested_by, correlation_id, attempts, "
            + "max_attempts, created_at, started_at, heartbeat_at, lease_until, ended_at, result::text, error";

    private final BackupDatabase db;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final String platformTenant;

    public JobStore(BackupDatabase db, AuditTrail audit, ObjectMapper mapper, FlexTimeConfig config) {
        this.db = db;
        this.audit = audit;
        this.mapper = mapper;
        this.platformTenant = config.security().platformTenant();
    }

    /** Who asked for a job, as its runs are recorded in the audit trail. */
    public record Requester(String subject, List<String> roles, String correlationId) {
    }

    /** Records a QUEUED job and its audit record, in one transaction. */
    public BackupJob queue(Operation operation, JsonNode request, int maxAttempts, Actor actor) {
        UUID jobId = UUID.randomUUID();
        String correlationId = actor.correlationId() == null ? jobId.toString() : actor.correlationId();
        return db.pool().withTransaction(conn -> conn.preparedQuery("INSERT INTO backup_job (job_id, operation, request, "
                        + "requested_by, roles, correlation_id, max_attempts) VALUES ($1, $2, $3::text::jsonb, $4, $5, $6, $7) RETURNING "
                        + COLUMNS)
                .execute(Tuple.from(new Object[] { jobId, operation.name(), json(request), actor.subject(),
                        actor.roles().toArray(String[]::new), correlationId, maxAttempts }))
                .call(() -> audit.record(conn, platformTenant, actor.withCorrelation(correlationId), AuditTrail.OK, "jobId", jobId,
                        "operation", operation.name(), "request", request.toString()))
                .map(rows -> job(rows.iterator().next())))
                .await().indefinitely();
    }

    public Optional<BackupJob> find(UUID jobId) {
        RowSet<Row> rows = db.pool().preparedQuery("SELECT " + COLUMNS + " FROM backup_job WHERE job_id = $1")
                .execute(Tuple.of(jobId)).await().indefinitely();
        return rows.iterator().hasNext() ? Optional.of(job(rows.iterator().next())) : Optional.empty();
    }

    /** Who asked for the job (for the audit records of its run). */
    public Requester requester(UUID jobId) {
        Row r = db.pool().preparedQuery("SELECT requested_by, roles, correlation_id FROM backup_job WHERE job_id = $1")
                .execute(Tuple.of(jobId)).await().indefinitely().iterator().next();
        return new Requester(r.getString(0), List.of(r.getArrayOfStrings(1)), r.getString(2));
    }

    /**
     * Takes the job for {@code owner} if it is QUEUED, or RUNNING with an expired lease (its process died)
     * and attempts left: RUNNING, one more attempt, a lease of {@code lease}. Empty when someone else has it.
     */
    public Optional<BackupJob> claim(UUID jobId, String owner, Duration lease) {
        RowSet<Row> rows = db.pool().preparedQuery("UPDATE backup_job SET state = 'RUNNING', lease_owner = $2, "
                        + "lease_until = now() + make_interval(secs => $3), attempts = attempts + 1, "
                        + "started_at = COALESCE(started_at, now()), heartbeat_at = now() "
                        + "WHERE job_id = $1 AND attempts < max_attempts "
                        + "AND (state = 'QUEUED' OR (state = 'RUNNING' AND lease_until < now())) RETURNING " + COLUMNS)
                .execute(Tuple.of(jobId, owner, (double) lease.toMillis() / 1000)).await().indefinitely();
        return rows.iterator().hasNext() ? Optional.of(job(rows.iterator().next())) : Optional.empty();
    }

    /** Renews the lease; false when the job is no longer this owner's (taken over, or ended). */
    public boolean heartbeat(UUID jobId, String owner, Duration lease) {
        return db.pool().preparedQuery("UPDATE backup_job SET heartbeat_at = now(), lease_until = now() + make_interval(secs => $3) "
                        + "WHERE job_id = $1 AND lease_owner = $2 AND state = 'RUNNING'")
                .execute(Tuple.of(jobId, owner, (double) lease.toMillis() / 1000)).await().indefinitely().rowCount() == 1;
    }

    /** SUCCEEDED with its result; false when the job was no longer this owner's. */
    public boolean succeeded(UUID jobId, String owner, JsonNode result) {
        return end(jobId, owner, BackupJob.SUCCEEDED, json(result), null);
    }

    /** FAILED with its reason; false when the job was no longer this owner's. */
    public boolean failed(UUID jobId, String owner, String error) {
        return end(jobId, owner, BackupJob.FAILED, null, error);
    }

    private boolean end(UUID jobId, String owner, String state, String result, String error) {
        return db.pool().preparedQuery("UPDATE backup_job SET state = $3, result = $4::text::jsonb, error = $5, ended_at = now(), "
                        + "lease_owner = NULL, lease_until = NULL WHERE job_id = $1 AND lease_owner = $2 AND state = 'RUNNING'")
                .execute(Tuple.of(jobId, owner, state, result, error)).await().indefinitely().rowCount() == 1;
    }

    /**
     * Fails every RUNNING job whose lease expired and that has used its attempts (its process died, and
     * it may not or may no longer run again), each with its audit record. Returns them.
     */
    public List<BackupJob> failAbandoned(Actor sweeper) {
        return db.pool().withTransaction(conn -> conn.query("UPDATE backup_job SET state = 'FAILED', ended_at = now(), "
                        + "error = 'the process running it stopped (no heartbeat since ' || "
                        + "to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || ') after ' || attempts "
                        + "|| ' attempt(s)' || CASE WHEN operation = 'RESTORE' THEN '; a restore is not re-run on its own: drop "
                        + "its target database if it exists, then ask again' ELSE '' END, lease_owner = NULL, lease_until = NULL "
                        + "WHERE state = 'RUNNING' AND lease_until < now() AND attempts >= max_attempts RETURNING " + COLUMNS)
                .execute()
                .chain(rows -> {
                    List<BackupJob> failed = new ArrayList<>();
                    rows.forEach(r -> failed.add(job(r)));
                    io.smallrye.mutiny.Uni<Void> chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
                    for (BackupJob j : failed) {
                        chain = chain.call(() -> audit.record(conn, platformTenant, sweeper.withCorrelation(j.correlationId()),
                                AuditTrail.FAILED, "jobId", j.jobId(), "operation", j.operation(), "error", j.error()));
                    }
                    return chain.replaceWith(failed);
                }))
                .await().indefinitely();
    }

    /** Jobs a sweep may take, oldest first: QUEUED, or RUNNING with an expired lease and attempts left. */
    public List<UUID> due(int limit) {
        List<UUID> ids = new ArrayList<>();
        db.pool().preparedQuery("SELECT job_id FROM backup_job WHERE state = 'QUEUED' OR (state = 'RUNNING' AND lease_until < now() "
                        + "AND attempts < max_attempts) ORDER BY created_at LIMIT $1")
                .execute(Tuple.of(limit)).await().indefinitely().forEach(r -> ids.add(r.getUUID(0)));
        return ids;
    }

    private BackupJob job(Row r) {
        return new BackupJob(r.getUUID(0).toString(), r.getString(1), r.getString(2), tree(r.getString(3)), r.getString(4),
                r.getString(5), r.getInteger(6), r.getInteger(7), instant(r.getOffsetDateTime(8)), instant(r.getOffsetDateTime(9)),
                instant(r.getOffsetDateTime(10)), instant(r.getOffsetDateTime(11)), instant(r.getOffsetDateTime(12)),
                tree(r.getString(13)), r.getString(14));
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("backup_job holds JSON PostgreSQL checked", e);
        }
    }

    private String json(JsonNode node) {
        return node == null ? null : node.toString();
    }
}
