package io.flextime.solve.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.events.CloudEvent;
import io.flextime.solve.job.JobState;
import io.flextime.solve.job.SolveJob;
import io.flextime.solve.job.SolveParameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code solve_job} table. Every method runs on a connection of a tenant transaction (core {@code TenantDb}). */
@ApplicationScoped
public class JobStore {
    private static final String COLUMNS = "id, tenant, dataset_version_id, params::text, status, phase, result_status, "
            + "objective, best_bound, gap, elapsed_seconds, solutions, checkpoints, checkpoint_loads, invocations, "
            + "continuations, schedule_version_id, error, correlation_id, created_at, updated_at";

    private final ObjectMapper mapper;

    public JobStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The objective weights a dataset version asks for; empty if the version does not exist (for this tenant). */
    public Uni<Optional<ObjectiveWeights>> versionWeights(SqlConnection conn, UUID versionId) {
        return conn.preparedQuery("SELECT objective_weights::text FROM dataset_version WHERE id = $1")
                .execute(Tuple.of(versionId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(read(rows.iterator().next().getString(0), ObjectiveWeights.class))
                        : Optional.empty());
    }

    /** Records the job unless it exists; returns the stored job either way (unique per version and parameters). */
    /** Inserts the job unless it exists; {@code created} tells which. */
    public Uni<Registration> register(SqlConnection conn, UUID jobId, String tenant, UUID versionId, SolveParameters params,
            String correlationId) {
        return conn.preparedQuery("INSERT INTO solve_job (id, tenant, dataset_version_id, params_key, params, correlation_id) "
                        + "VALUES ($1, $2, $3, $4, $5::text::jsonb, $6) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(jobId, tenant, versionId, params.key(), write(params), correlationId))
                .chain(inserted -> find(conn, jobId).map(job -> new Registration(job.orElseThrow(), inserted.rowCount() == 1)));
    }

    /** A job found or created by {@link #register}. */
    public record Registration(SolveJob job, boolean created) {
    }

    /**
     * The tenant's jobs that are queued, running or suspended, under a lock on the tenant held to the end of
     * the transaction: two requests at once cannot both take the last place under the cap.
     */
    public Uni<List<UUID>> activeJobs(SqlConnection conn, String tenant) {
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('solve_job:' || $1))").execute(Tuple.of(tenant))
                .chain(() -> conn.preparedQuery("SELECT id FROM solve_job WHERE tenant = $1 "
                        + "AND status IN ('QUEUED', 'RUNNING', 'SUSPENDED') ORDER BY created_at").execute(Tuple.of(tenant)))
                .map(rows -> {
                    List<UUID> ids = new java.util.ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }

    public Uni<Optional<SolveJob>> find(SqlConnection conn, UUID jobId) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM solve_job WHERE id = $1").execute(Tuple.of(jobId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(job(rows.iterator().next())) : Optional.empty());
    }

    /** The schedule.solved / schedule.infeasible event recorded when the job finished, if it did. */
    public Uni<Optional<CloudEvent>> resultEvent(SqlConnection conn, UUID jobId) {
        return conn.preparedQuery("SELECT result_event::text FROM solve_job WHERE id = $1 AND result_event IS NOT NULL")
                .execute(Tuple.of(jobId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(read(rows.iterator().next().getString(0), CloudEvent.class))
                        : Optional.empty());
    }

    /** A new invocation starts; {@code resumed} when it loaded a checkpoint. */
    public Uni<Void> markRunning(SqlConnection conn, UUID jobId, boolean resumed, double elapsedSeconds) {
        return update(conn, "status = 'RUNNING', phase = 'SEARCH', invocations = invocations + 1, error = NULL, "
                + "checkpoint_loads = checkpoint_loads + $2, elapsed_seconds = greatest(elapsed_seconds, $3)",
                Tuple.of(jobId, resumed ? 1 : 0, elapsedSeconds));
    }

    /** A checkpoint was written: the job's figures follow it. */
    public Uni<Void> recordCheckpoint(SqlConnection conn, UUID jobId, double objective, Double bestBound, Double gap,
            double elapsedSeconds, int solutions) {
        return update(conn, "objective = $2, best_bound = $3, gap = $4, elapsed_seconds = greatest(elapsed_seconds, $5), "
                + "solutions = $6, checkpoints = checkpoints + 1",
                Tuple.from(new Object[] { jobId, objective, bestBound, gap, elapsedSeconds, solutions }));
    }

    public Uni<Void> suspend(SqlConnection conn, UUID jobId, double elapsedSeconds, int continuations) {
        return update(conn, "status = 'SUSPENDED', phase = 'SUSPENDED', elapsed_seconds = greatest(elapsed_seconds, $2), "
                + "continuations = greatest(continuations, $3)", Tuple.of(jobId, elapsedSeconds, continuations));
    }

    /** The final state, with the event that tells it (re-emitted to duplicate triggers). */
    public Uni<Void> finish(SqlConnection conn, UUID jobId, JobState state, Outcome outcome, CloudEvent resultEvent) {
        return update(conn, "status = $2, phase = 'DONE', result_status = $3, objective = $4, best_bound = $5, gap = $6, "
                        + "elapsed_seconds = greatest(elapsed_seconds, $7), solutions = greatest(solutions, $8), "
                        + "schedule_version_id = $9, result_event = $10::text::jsonb, finished_at = now()",
                Tuple.from(new Object[] { jobId, state.name(), outcome.resultStatus(), outcome.objective(), outcome.bestBound(),
                        outcome.gap(), outcome.elapsedSeconds(), outcome.solutions(), outcome.scheduleVersionId(),
                        resultEvent == null ? null : write(resultEvent) }));
    }

    /** Figures of a finished job. */
    public record Outcome(String resultStatus, Double objective, Double bestBound, Double gap, double elapsedSeconds,
            int solutions, UUID scheduleVersionId) {
    }

    /** Cancels a job that has not finished; returns whether it did. */
    public Uni<Boolean> cancel(SqlConnection conn, UUID jobId) {
        return conn.preparedQuery("UPDATE solve_job SET status = 'CANCELLED', phase = 'DONE', finished_at = now(), "
                        + "updated_at = now() WHERE id = $1 AND status NOT IN ('SOLVED', 'INFEASIBLE', 'UNFINISHED', 'CANCELLED')")
                .execute(Tuple.of(jobId)).map(rows -> rows.rowCount() == 1);
    }

    /**
     * An UNFINISHED job with a larger budget goes back to SUSPENDED (its next invocation is a
     * continuation); returns whether it did (false: the job is not UNFINISHED any more).
     */
    public Uni<Boolean> reopen(SqlConnection conn, UUID jobId, SolveParameters params) {
        return conn.preparedQuery("UPDATE solve_job SET status = 'SUSPENDED', phase = 'SUSPENDED', params = $2::text::jsonb, "
                        + "result_status = NULL, result_event = NULL, finished_at = NULL, continuations = continuations + 1, "
                        + "updated_at = now() WHERE id = $1 AND status = 'UNFINISHED'")
                .execute(Tuple.of(jobId, write(params))).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> fail(SqlConnection conn, UUID jobId, String error) {
        return update(conn, "status = 'FAILED', phase = 'FAILED', error = $2 ", Tuple.of(jobId, error));
    }

    private Uni<Void> update(SqlConnection conn, String set, Tuple args) {
        return conn.preparedQuery("UPDATE solve_job SET " + set + ", updated_at = now() WHERE id = $1").execute(args)
                .replaceWithVoid();
    }

    private SolveJob job(Row r) {
        return new SolveJob(r.getUUID(0), r.getString(1), r.getUUID(2), read(r.getString(3), SolveParameters.class),
                JobState.valueOf(r.getString(4)), r.getString(5), r.getString(6), r.getDouble(7), r.getDouble(8),
                r.getDouble(9), r.getDouble(10), r.getInteger(11), r.getInteger(12), r.getInteger(13), r.getInteger(14),
                r.getInteger(15), r.getUUID(16), r.getString(17), r.getString(18), r.getOffsetDateTime(19).toInstant(),
                r.getOffsetDateTime(20).toInstant());
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt solve_job column: " + e.getMessage(), e);
        }
    }
}
