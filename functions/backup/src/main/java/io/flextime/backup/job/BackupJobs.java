package io.flextime.backup.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.store.JobStore;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;

/**
 * backupNow, verifyBackup and restore as jobs: a checked request is recorded QUEUED and answered at once;
 * the work runs on this process' job thread (dispatch LOCAL) or in the next {@code runBackupJobs} sweep
 * (SWEEP, on Lambda). The sweep also finds the jobs of a dead process (expired lease): a backup or
 * verification runs again, until its attempts are used; then, and for a restore at once, it is FAILED
 * with the reason.
 */
@ApplicationScoped
public class BackupJobs {
    private static final Logger LOG = Logger.getLogger(BackupJobs.class);
    private static final int SWEEP_BATCH = 20;

    private final JobStore store;
    private final JobRunner runner;
    private final AuditTrail audit;
    private final String platformTenant;
    private final BackupConfig.Jobs config;
    /** One job at a time per process: backups queue behind one writer lock anyway, and every job loads the machine. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backup-job");
        t.setDaemon(true);
        return t;
    });

    public BackupJobs(JobStore store, JobRunner runner, AuditTrail audit, FlexTimeConfig flextime, BackupConfig config) {
        this.store = store;
        this.runner = runner;
        this.audit = audit;
        this.platformTenant = flextime.security().platformTenant();
        this.config = config.jobs();
    }

    /** What a sweep did: the jobs it ran (as they ended) and those it failed because their process died. */
    @RegisterForReflection
    public record SweepReport(List<BackupJob> ran, List<BackupJob> abandoned) {
    }

    /** Records the job (the request already checked by the door) and starts it here, or leaves it to the sweep. */
    public BackupJob submit(Operation operation, JsonNode request, Actor actor) {
        BackupJob job = store.queue(operation, request, operation.rerunnable() ? Math.max(1, config.maxAttempts()) : 1, actor);
        if (config.dispatch() == BackupConfig.Jobs.Dispatch.LOCAL) {
            UUID id = UUID.fromString(job.jobId());
            try {
                worker.execute(() -> runQuietly(id));
            } catch (RejectedExecutionException e) {
                LOG.warnf("job %s stays QUEUED: the process is stopping (the next runBackupJobs runs it)", id);
            }
        }
        return job;
    }

    public BackupJob status(String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId == null ? "" : jobId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("invalid-job-id", "jobId '" + jobId + "' is not a job id (a UUID)"));
        }
        return store.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("no backup job " + jobId)));
    }

    /**
     * Fails the jobs of dead processes that may not run again, then runs, in this thread and oldest first,
     * every job that is due (queued, or left by a dead process with attempts left) until none is or the
     * sweep's budget is spent.
     */
    public SweepReport sweep(Actor sweeper) {
        List<BackupJob> abandoned = store.failAbandoned(sweeper);
        abandoned.forEach(j -> LOG.warnf("job %s (%s) FAILED: %s", j.jobId(), j.operation(), j.error()));
        List<BackupJob> ran = new ArrayList<>();
        long deadline = System.nanoTime() + config.sweepBudget().toNanos();
        List<UUID> due = store.due(SWEEP_BATCH);
        while (!due.isEmpty() && System.nanoTime() < deadline) {
            boolean any = false;
            for (UUID id : due) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                var ended = runner.run(id);
                ended.ifPresent(ran::add);
                any |= ended.isPresent();
            }
            due = any ? store.due(SWEEP_BATCH) : List.of();
        }
        // The sweep's own record (each job's run and failure has its own too), also when there was nothing to do.
        audit.operation(platformTenant, sweeper, AuditTrail.OK, "ran", ran.stream().map(BackupJob::jobId).toList(),
                "abandoned", abandoned.stream().map(BackupJob::jobId).toList()).await().indefinitely();
        return new SweepReport(ran, abandoned);
    }

    private void runQuietly(UUID id) {
        try {
            runner.run(id);
        } catch (RuntimeException e) {
            // Recording the outcome failed (the database went away): the lease expires and the sweep takes it.
            LOG.errorf(e, "job %s: could not be run or recorded; the runBackupJobs sweep takes it once its lease expires", id);
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        // Queued jobs stay QUEUED; one running now keeps its lease until it expires: the next sweep runs it
        // again (or fails a restore). Not interrupted: a backup that finishes within the shutdown is recorded.
        worker.shutdown();
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
