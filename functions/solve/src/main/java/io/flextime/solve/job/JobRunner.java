package io.flextime.solve.job;

import io.flextime.solve.edit.DraftEditor;
import io.flextime.solve.replan.Replan;
import io.flextime.solve.replan.ReplanBase;
import io.flextime.solve.replan.ReplanSearch;
import io.flextime.solve.replan.ReplanSeason;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.messaging.PermanentFailure;
import io.flextime.core.model.Season;
import io.flextime.core.store.RedisLock;
import io.flextime.core.store.SeasonRepository;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.flextime.solve.engine.SeasonSolver;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import io.flextime.solve.store.CheckpointStore;
import io.flextime.solve.store.JobStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * Runs one invocation of a solve job: take the job's lock, resume from its checkpoint when the model
 * is unchanged, search until proof, budget or invocation deadline, and end it (schedule stored,
 * infeasible, cancelled) or suspend it with a checkpoint and a continuation request.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    /** Less budget than this left after an invocation is not worth another invocation. */
    private static final double MIN_CONTINUATION_SECONDS = 1.0;
    /**
     * The cutoff handed to the solver sits this far above the checkpoint's objective, so the checkpoint
     * itself stays a solution and the search (LNS) starts from it. With a cutoff strictly below the
     * checkpoint the hint is infeasible and CP-SAT first hunts for a new solution from scratch under a
     * tight bound: measured on an 8-team season, two 5 s continuations then never improved on the
     * first slice. Half a metre of travel is below the model's resolution (whole metres).
     */
    static final double CUTOFF_SLACK = 5e-4;

    private final RedisLock locks;
    private final TenantDb db;
    private final JobStore jobs;
    private final CheckpointStore checkpoints;
    private final SeasonRepository seasons;
    private final SeasonSolver solver;
    private final JobEvents events;
    private final ResultRecorder results;
    private final SolveConfig config;
    private final EventPublisher publisher;
    private final ReplanBase bases;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "solve-checkpoints");
        t.setDaemon(true);
        return t;
    });
    private final Set<InvocationMonitor> running = ConcurrentHashMap.newKeySet();

    public JobRunner(RedisLock locks, TenantDb db, JobStore jobs, CheckpointStore checkpoints, SeasonRepository seasons,
            SeasonSolver solver, JobEvents events, ResultRecorder results, SolveConfig config,
            EventPublisher publisher, ReplanBase bases) {
        this.bases = bases;
        this.locks = locks;
        this.db = db;
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.seasons = seasons;
        this.solver = solver;
        this.events = events;
        this.results = results;
        this.config = config;
        this.publisher = publisher;
    }

    /**
     * One invocation of the job. Returns the event to publish once the caller has let go of the job
     * (a continuation must not find the lock still held), or empty.
     */
    public Optional<CloudEvent> run(String tenant, UUID jobId) {
        long deadline = System.nanoTime() + config.invocationDeadline().minus(config.safetyMargin()).toNanos();
        Optional<RedisLock.Lease> lease = locks.tryAcquire(CheckpointStore.lockKey(jobId), config.lockTtl());
        if (lease.isEmpty()) {
            LOG.infof("job %s: another invocation holds its lock; nothing to do", jobId);
            return Optional.empty();
        }
        try (RedisLock.Lease held = lease.get()) {
            return runLocked(tenant, jobId, held, deadline);
        } catch (IllegalArgumentException e) {
            // The model builder's verdict on the stored season (e.g. a constraint naming an unknown team):
            // the same data fails the same way on every retry.
            LOG.errorf("job %s: the season cannot be modelled: %s", jobId, e.getMessage());
            String error = "the season cannot be modelled: " + e.getMessage();
            db.inTenantBlocking(tenant, c -> jobs.fail(c, jobId, error));
            throw new PermanentFailure(error, e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s: invocation failed", jobId);
            db.inTenantBlocking(tenant, c -> jobs.fail(c, jobId, String.valueOf(e.getMessage())));
            throw e;
        }
    }

    private Optional<CloudEvent> runLocked(String tenant, UUID jobId, RedisLock.Lease lease, long deadline) {
        SolveJob job = db.inTenantBlocking(tenant, c -> jobs.find(c, jobId))
                .orElseThrow(() -> new PermanentFailure("no solve job " + jobId + " for tenant " + tenant));
        if (job.status().finished()) {
            return Optional.empty();
        }
        if (checkpoints.cancelRequested(jobId)) {
            results.cancelled(job, null, job.elapsedSeconds());
            return Optional.empty();
        }
        Season ofDataset = db.inTenantBlocking(tenant, c -> seasons.loadSeason(c, job.versionId()))
                .orElseThrow(() -> new PermanentFailure("dataset version " + job.versionId() + " not found"));
        SolveParameters p = job.parameters();
        ReplanSeason.Derived replan = p.replan() == null ? null : derive(tenant, ofDataset, p.replan());
        Season season = replan == null ? ofDataset : replan.season();
        String modelHash = solver.modelHash(season, settings(p, Duration.ofSeconds(p.timeBudgetSeconds()), null, null));
        Optional<Checkpoint> stored = checkpoints.load(jobId);
        Optional<Checkpoint> resume = stored.filter(cp -> modelHash.equals(cp.modelHash()));
        if (stored.isPresent() && resume.isEmpty()) {
            LOG.warnf("job %s: checkpoint is for another model (hash %s, now %s); starting afresh", jobId,
                    stored.get().modelHash(), modelHash);
        }
        double elapsedBefore = Math.max(job.elapsedSeconds(), resume.map(Checkpoint::elapsedSeconds).orElse(0.0));
        JobContext ctx = new JobContext(jobId, tenant, job.versionId(), job.correlationId(), modelHash, job.invocations() + 1,
                elapsedBefore, Math.max(job.solutions(), resume.map(Checkpoint::solutions).orElse(0)),
                resume.map(Checkpoint::bestBound).orElse(null), resume.map(Checkpoint::objective).orElse(null), resume);
        db.inTenantBlocking(tenant, c -> jobs.markRunning(c, jobId, resume.isPresent(), elapsedBefore));
        if (resume.isPresent()) {
            LOG.infof("job %s: resuming from checkpoint (objective %.3f, %.1f s solved)", jobId, resume.get().objective(),
                    elapsedBefore);
        }

        InvocationMonitor monitor = new InvocationMonitor(ctx, new JobSink(job), lease, deadline, config);
        double remaining = p.timeBudgetSeconds() - elapsedBefore;
        double slice = Math.min(remaining, (deadline - System.nanoTime()) / 1e9);
        SolveResult result = null;
        if (slice > 0) {
            SolveSettings settings = settings(p, Duration.ofMillis(Math.max(1, (long) (slice * 1000))),
                    resume.orElse(null), monitor).withSeed(seedOf(p, job.invocations(), resume.isPresent()));
            if (replan != null && resume.isEmpty()) {
                settings = settings.withHint(replan.start()); // a re-plan starts from its base: zero moves
            }
            running.add(monitor);
            monitor.start(ticker);
            try {
                result = replan != null ? new ReplanSearch(solver).solve(replan, settings, monitor)
                        : solver.solve(season, settings, monitor);
            } finally {
                monitor.stop();
                running.remove(monitor);
            }
        }
        return conclude(job, season, ctx, monitor, result, slice < remaining);
    }

    private Optional<CloudEvent> conclude(SolveJob job, Season season, JobContext ctx, InvocationMonitor monitor,
            SolveResult result, boolean slicedByDeadline) {
        InvocationMonitor.StopReason stop = monitor.stopReason();
        if (stop == InvocationMonitor.StopReason.LEASE_LOST) {
            return Optional.empty(); // another invocation owns the job now
        }
        double elapsed = monitor.totalElapsedSeconds();
        if (stop == InvocationMonitor.StopReason.CANCELLED) {
            results.cancelled(job, monitor.best().orElse(null), elapsed);
            checkpoints.delete(job.jobId());
            return Optional.empty();
        }
        String status = result == null ? "UNKNOWN" : result.status();
        boolean proven = "OPTIMAL".equals(status) || "INFEASIBLE".equals(status) || "MODEL_INVALID".equals(status);
        double left = job.parameters().timeBudgetSeconds() - elapsed;
        boolean cutShort = stop == InvocationMonitor.StopReason.DEADLINE || stop == InvocationMonitor.StopReason.SHUTDOWN
                || slicedByDeadline;
        if (!proven && cutShort && left >= MIN_CONTINUATION_SECONDS) {
            return Optional.of(suspend(job, monitor, elapsed, left));
        }
        CloudEvent done = finish(job, season, ctx, monitor, result, status, elapsed);
        checkpoints.delete(job.jobId());
        LOG.infof("job %s: finished after %.1f s in %d invocation(s): %s", job.jobId(), elapsed, ctx.invocation(),
                done.type());
        return Optional.of(done);
    }

    private CloudEvent suspend(SolveJob job, InvocationMonitor monitor, double elapsed, double left) {
        Optional<Checkpoint> cp = monitor.flush();
        int next = job.continuations() + 1;
        db.inTenantBlocking(job.tenant(), c -> jobs.suspend(c, job.jobId(), elapsed, next));
        String why = monitor.stopReason() == InvocationMonitor.StopReason.SHUTDOWN ? "process shutdown" : "invocation deadline";
        LOG.infof("job %s: %s after %.1f s; checkpoint %s, continuation %d with %.0f s left", job.jobId(), why,
                elapsed, cp.map(x -> String.format("%.3f", x.objective())).orElse("none"), next, left);
        return events.request(job, next, (int) Math.ceil(left));
    }

    private CloudEvent finish(SolveJob job, Season season, JobContext ctx, InvocationMonitor monitor, SolveResult result,
            String status, double elapsed) {
        Optional<Checkpoint> best = monitor.best();
        int solutions = best.map(Checkpoint::solutions).orElse(ctx.solutionsBefore());
        if (result != null && result.hasSolution()
                && (best.isEmpty() || result.objective() <= best.get().objective() + 1e-9)) {
            double bound = "OPTIMAL".equals(status) ? result.objective()
                    : Math.min(result.objective(), orZero(monitor.validBound(result.bestBound())));
            return results.solved(job, season, new FinalSolution(status, result.games(), result.objective(),
                    bound, elapsed, solutions, result.violations(),
                    result.travelPerTeam(), result.breaksPerTeam(), result.statistics()));
        }
        if (best.isPresent()) {
            // Nothing beat the checkpoint. INFEASIBLE under its cutoff proves the checkpoint optimal.
            Checkpoint cp = best.get();
            boolean optimal = "INFEASIBLE".equals(status) && ctx.objectiveCutoff() != null
                    && cp.objective() >= ctx.objectiveCutoff() - 1e-9;
            double bound = optimal ? cp.objective()
                    : Math.min(cp.objective(), orZero(monitor.validBound(result == null ? null : result.bestBound())));
            return results.solved(job, season, CheckpointEvaluation.evaluate(season, job.parameters(), cp,
                    optimal ? "OPTIMAL" : "FEASIBLE", bound, elapsed,
                    result == null ? Map.of() : result.statistics()));
        }
        Double bound = monitor.validBound(result == null ? null : result.bestBound());
        if (!"INFEASIBLE".equals(status) && !"MODEL_INVALID".equals(status)) {
            // the budget ended without a schedule: nothing is proven
            return results.unfinished(job, elapsed, solutions, bound, result == null ? null : fewestHardDeviations(result));
        }
        return results.infeasible(job, status, result.conflicts(), elapsed, solutions, bound);
    }

    /** The hard deviations of the nearest schedule a phase reached, from the solver's statistics (null: none known). */
    private static Integer fewestHardDeviations(SolveResult result) {
        for (String key : new String[] {"calendar_search_fewest_hard_deviations", "annealing_fewest_hard_deviations",
                "repair_phase_violations"}) {
            Object v = result.statistics().get(key);
            if (v instanceof Number n && n.doubleValue() < Integer.MAX_VALUE) {
                return (int) Math.round(n.doubleValue());
            }
        }
        return null;
    }

    /**
     * The seed of an invocation: the job's, except for a job run again without a checkpoint (a continued
     * UNFINISHED job, a crashed one): a search that found nothing should not retrace the same steps.
     */
    private static Long seedOf(SolveParameters p, int invocationsBefore, boolean resumed) {
        if (resumed || invocationsBefore == 0) {
            return p.seed();
        }
        return (p.seed() == null ? 0L : p.seed()) + invocationsBefore;
    }

    /** Travel and penalties are never negative (weights are checked non-negative): 0 bounds every objective. */
    private static double orZero(Double bound) {
        return bound == null ? 0.0 : bound;
    }

    /** A re-plan's season: the stored one with its base's games as matchups and the re-plan's rules. */
    private ReplanSeason.Derived derive(String tenant, Season stored, Replan replan) {
        UUID baseId = UUID.fromString(replan.baseVersionId());
        ReplanBase.Base base = db.inTenantBlocking(tenant, c -> bases.load(c, baseId))
                .orElseThrow(() -> new PermanentFailure("the re-plan's base version " + baseId + " is gone"));
        return ReplanSeason.derive(DraftEditor.withRules(stored, base.marked()), base.version().games(), base.pinned(), replan);
    }

    private static SolveSettings settings(SolveParameters p, Duration limit, Checkpoint resume, InvocationMonitor monitor) {
        return new SolveSettings(limit, p.workers(), p.seed(), p.weights(),
                resume == null ? List.of() : resume.games(), resume == null ? null : resume.objective() + CUTOFF_SLACK,
                monitor == null ? null : monitor::stopRequested);
    }

    /** The run a job belongs to, for an alert about it; empty when the job cannot be read (store down). */
    Optional<String> correlationIdOf(String tenant, UUID jobId) {
        try {
            return db.inTenantBlocking(tenant, c -> jobs.find(c, jobId)).map(SolveJob::correlationId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Running searches stop as at a deadline: checkpoint and continuation, not lost work (process shutdown). */
    void stopAllForShutdown() {
        running.forEach(m -> m.requestStop(InvocationMonitor.StopReason.SHUTDOWN));
    }

    @PreDestroy
    void close() {
        ticker.shutdownNow();
    }

    /** Checkpoints to Redis and the job row; progress to Kafka without waiting for the broker. */
    private final class JobSink implements InvocationMonitor.Sink {
        private final SolveJob job;

        JobSink(SolveJob job) {
            this.job = job;
        }

        @Override
        public void checkpoint(Checkpoint cp) {
            checkpoints.save(cp, config.checkpointRetention());
            db.inTenantBlocking(job.tenant(), c -> jobs.recordCheckpoint(c, job.jobId(), cp.objective(), cp.bestBound(),
                    InvocationMonitor.gap(cp.objective(), cp.bestBound()), cp.elapsedSeconds(), cp.solutions()));
        }

        @Override
        public void progress(Checkpoint best, double elapsedSeconds, Double bestBound) {
            publisher.publish(events.progress(job, "SEARCH", best, bestBound, elapsedSeconds)).subscribe().with(
                    ok -> { }, e -> LOG.warnf("job %s: progress event not sent: %s", job.jobId(), e.getMessage()));
        }

        @Override
        public boolean cancelRequested() {
            return checkpoints.cancelRequested(job.jobId());
        }
    }
}
