package io.flextime.solve.job;

import io.flextime.solve.replan.Replan;
import io.flextime.solve.replan.ReplanBase;
import io.flextime.solve.replan.ReplanRequest;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.problem.ProblemLocation;
import io.flextime.core.store.RedisLock;
import io.flextime.core.store.Tenants;
import io.flextime.core.store.TenantDb;
import io.flextime.solve.store.CheckpointStore;
import io.flextime.solve.store.JobStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Start, look at and cancel solve jobs: what the HTTP functions and the event consumers call. */
@ApplicationScoped
public class SolveJobs {
    private final TenantDb db;
    private final JobStore jobs;
    private final CheckpointStore checkpoints;
    private final RedisLock locks;
    private final JobLauncher launcher;
    private final JobEvents events;
    private final EventPublisher publisher;
    private final SolveConfig config;
    private final AuditTrail audit;
    private final ReplanBase bases;

    public SolveJobs(TenantDb db, JobStore jobs, CheckpointStore checkpoints, RedisLock locks, JobLauncher launcher,
            JobEvents events, EventPublisher publisher, SolveConfig config, AuditTrail audit, ReplanBase bases) {
        this.bases = bases;
        this.audit = audit;
        this.db = db;
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.locks = locks;
        this.launcher = launcher;
        this.events = events;
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * Records the job of this request (or finds it: one job per version and parameters) and starts it
     * unless it is finished or already running. Returns at once with the job's current state.
     */
    public SolveJob start(String tenant, SolveRequest request, Actor actor) {
        UUID versionId = request.validVersionId(config.maxTimeBudget().toSeconds());
        SolveRequest.Weights w = request.weights();
        SolveJob job = db.inTenantBlocking(tenant, conn -> register(conn, tenant, versionId,
                request.timeBudgetSeconds(), w == null ? null : new ObjectiveWeights(w.travel(), w.penalty()),
                request.seed(), request.workers(), request.correlationId() == null ? actor.correlationId()
                        : request.correlationId(), actor));
        dispatch(job);
        return job;
    }

    /**
     * Registers a job on {@code conn} (its own transaction or an inbox one). A version unknown to this
     * tenant is a 404 for HTTP callers and a permanent failure for events.
     */
    public Uni<SolveJob> register(SqlConnection conn, String tenant, UUID versionId, int timeBudgetSeconds,
            ObjectiveWeights weights, Long seed, Integer workers, String correlationId, Actor actor) {
        return register(conn, tenant, versionId, timeBudgetSeconds, weights, seed, workers, null, correlationId, actor);
    }

    /** The same, for a re-plan of a base version of {@code versionId} when {@code replan} is given. */
    Uni<SolveJob> register(SqlConnection conn, String tenant, UUID versionId, int timeBudgetSeconds,
            ObjectiveWeights weights, Long seed, Integer workers, Replan replan, String correlationId, Actor actor) {
        long maxBudget = config.maxTimeBudget().toSeconds();
        if (timeBudgetSeconds < 1 || timeBudgetSeconds > maxBudget) {
            return Uni.createFrom().failure(new ProblemException(Problem.badRequest("budget-out-of-range", "a solve may take 1.."
                    + maxBudget + " seconds (flextime.solve.max-time-budget); " + timeBudgetSeconds + " were asked for")));
        }
        return jobs.versionWeights(conn, versionId).chain(seasonWeights -> {
            if (seasonWeights.isEmpty()) {
                return Uni.createFrom().failure(new ProblemException(Problem.notFound(
                        "dataset version " + versionId + " does not exist for tenant " + tenant)));
            }
            SolveParameters params = new SolveParameters(timeBudgetSeconds,
                    weights == null ? seasonWeights.get() : weights, seed, workers == null ? 0 : workers, replan);
            UUID jobId = params.jobId(tenant, versionId);
            // A job that exists is found again whatever the cap; only a new one counts against it.
            return jobs.find(conn, jobId).chain(existing -> existing.isPresent() ? Uni.createFrom().item(existing.get())
                    : jobs.activeJobs(conn, tenant).chain(active -> {
                        if (active.size() >= config.maxActiveJobsPerTenant()) {
                            return Uni.createFrom().failure(new ProblemException(Problem.of(429, "too-many-solve-jobs",
                                    "Too many solve jobs", "tenant " + tenant + " has " + active.size()
                                            + " solve jobs queued, running or suspended (at most "
                                            + config.maxActiveJobsPerTenant() + ", flextime.solve.max-active-jobs-per-tenant): "
                                            + active + "; wait for one to finish or cancel one")));
                        }
                        return jobs.register(conn, jobId, tenant, versionId, params, correlationId)
                                .call(r -> r.created() ? audit.record(conn, tenant, actor, AuditTrail.OK, "jobId", r.job().jobId(),
                                        "versionId", versionId, "timeBudgetSeconds", timeBudgetSeconds, "replanOf",
                                        replan == null ? null : replan.baseVersionId()) : Uni.createFrom().voidItem())
                                .map(JobStore.Registration::job);
                    }));
        });
    }

    /**
     * Starts (or finds: the same re-plan is one job) the re-plan of a base schedule version as a solve job of
     * the base's dataset version; its result is a draft whose parent is the base (README "Re-plan").
     */
    public SolveJob replan(String tenant, ReplanRequest request, Actor actor) {
        ReplanRequest.Valid valid = request.validate(config.maxTimeBudget().toSeconds());
        SolveJob job = db.inTenantBlocking(tenant, conn -> bases.load(conn, valid.baseVersionId()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(new ProblemException(Problem.of(404, "unknown-schedule-version",
                        "Unknown schedule version", "No schedule version " + valid.baseVersionId() + " for tenant " + tenant)));
            }
            valid.checkAgainst(found.get().version());
            return register(conn, tenant, found.get().version().datasetVersionId(), valid.timeBudgetSeconds(), null,
                    request.seed(), request.workers(), valid.replan(),
                    request.correlationId() == null ? actor.correlationId() : request.correlationId(), actor);
        }));
        dispatch(job);
        return job;
    }

    /**
     * An HTTP start: runs the job on this process' solver pool (LOCAL), or asks for it with a
     * solve.requested event (EVENT: the MSK-triggered Lambda runs it; an HTTP call cannot wait).
     */
    private void dispatch(SolveJob job) {
        if (!job.status().finished()) {
            dispatch(job, 0, null);
        }
    }

    /** Runs the job here, or asks for its invocation {@code continuation} with a solve.requested event. */
    private void dispatch(SolveJob job, int continuation, Integer remainingSeconds) {
        if (config.dispatch() == SolveConfig.Dispatch.LOCAL) {
            launcher.launch(job.tenant(), job.jobId());
        } else {
            publisher.publishBlocking(events.request(job, continuation, remainingSeconds));
        }
    }

    /** An event trigger: runs the job in this thread (Lambda) or on the solver pool, unless it is finished. */
    public void run(SolveJob job, boolean inline) {
        if (job.status().finished()) {
            return;
        }
        if (inline) {
            launcher.runHere(job.tenant(), job.jobId());
        } else {
            launcher.launch(job.tenant(), job.jobId());
        }
    }

    public SolveJob status(String tenant, String jobId) {
        UUID id = jobId(tenant, jobId);
        return find(tenant, id).orElseThrow(() -> new ProblemException(Problem.notFound("no solve job " + jobId)));
    }

    public Optional<SolveJob> find(String tenant, UUID jobId) {
        return db.inTenantBlocking(tenant, c -> jobs.find(c, jobId));
    }

    /**
     * Cancels a job. A running invocation (wherever it runs) sees the Redis flag within a second, stops
     * and marks the job CANCELLED; a job nobody runs is marked at once. A finished job stays as it is.
     */
    public SolveJob cancel(String tenant, String jobId, Actor actor) {
        SolveJob job = status(tenant, jobId);
        if (job.status().finished()) {
            return job;
        }
        checkpoints.requestCancel(job.jobId());
        boolean running = locks.holder(CheckpointStore.lockKey(job.jobId())).isPresent();
        db.inTenantBlocking(tenant, c -> (running ? Uni.createFrom().item(false) : jobs.cancel(c, job.jobId()))
                .call(() -> audit.record(c, tenant, actor, AuditTrail.OK, "jobId", job.jobId(), "running", running)));
        return status(tenant, jobId);
    }

    /**
     * Continues a job that ended {@code UNFINISHED}: its total budget becomes {@code timeBudgetSeconds}
     * (more than it had) and it runs again as a continuation, with a seed of its own (a search that
     * found nothing should not retrace its steps). The request names the total, not an increment, so a
     * repeat changes nothing: the job is then running, or unfinished again with that budget spent (409).
     */
    public SolveJob continueJob(String tenant, String jobId, Integer timeBudgetSeconds, Actor actor) {
        SolveJob job = status(tenant, jobId);
        if (job.status() != JobState.UNFINISHED) {
            if (!job.status().finished()) {
                return job; // already continuing (a repeated request) or never ended
            }
            throw new ProblemException(Problem.of(409, "job-not-unfinished", "Only an unfinished job continues",
                    "job " + jobId + " is " + job.status() + "; only a job that ended UNFINISHED (no schedule within its budget) "
                            + "continues; start a new job for another search"));
        }
        int spent = job.parameters().timeBudgetSeconds();
        long maxBudget = config.maxTimeBudget().toSeconds();
        if (timeBudgetSeconds == null || timeBudgetSeconds < 1 || timeBudgetSeconds > maxBudget) {
            throw new ProblemException(Problem.unprocessable("invalid-continue-request", "The continue request is invalid",
                    List.of(new ProblemLocation("invalid-field", "continueSolve", null, null, "timeBudgetSeconds",
                            "expected the new total budget in seconds, up to " + maxBudget + " (flextime.solve.max-time-budget), got "
                                    + timeBudgetSeconds))));
        }
        if (timeBudgetSeconds <= spent) {
            throw new ProblemException(Problem.of(409, "budget-spent", "The job has spent that budget",
                    "job " + jobId + " ended UNFINISHED after its budget of " + spent + " s; continue it with a larger total"));
        }
        SolveParameters p = job.parameters();
        SolveParameters more = p.withBudget(timeBudgetSeconds);
        boolean reopened = db.inTenantBlocking(tenant, c -> jobs.reopen(c, job.jobId(), more)
                .call(done -> done ? audit.record(c, tenant, actor, AuditTrail.OK, "jobId", job.jobId(),
                        "timeBudgetSeconds", timeBudgetSeconds) : Uni.createFrom().voidItem()));
        SolveJob current = status(tenant, jobId);
        if (reopened) {
            dispatch(current, current.continuations(), timeBudgetSeconds - spent);
        }
        return current;
    }

    private static UUID jobId(String tenant, String jobId) {
        Tenants.require(tenant);
        try {
            return UUID.fromString(String.valueOf(jobId));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("invalid-job-id", "expected a job id (UUID), got '" + jobId + "'"));
        }
    }
}
