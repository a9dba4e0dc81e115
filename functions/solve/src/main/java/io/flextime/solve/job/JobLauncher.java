package io.flextime.solve.job;

import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.health.DependencyReadiness;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.messaging.PermanentFailure;
import io.flextime.events.CloudEvent;
import io.flextime.events.data.PipelineAlert;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Hands a job to a solver thread and returns at once, so HTTP calls and Kafka consumers never wait
 * for a search. The pool is this class' own, bounded by {@code flextime.solve.concurrent-jobs}: CP-SAT
 * takes every core it is given, so solves must not share the application's general worker pool.
 * <p>
 * An invocation that fails while one of the function's dependencies reports not ready (a PostgreSQL
 * failover) waits until they are back and runs again from its checkpoint, without spending a retry.
 * Any other exception is retried here after a growing pause, from its checkpoint; after the last retry the job stays
 * {@code FAILED} and a {@code pipeline.alert} says so: the Kafka trigger was acknowledged long ago,
 * so nothing else would notice. On shutdown, running searches stop as at a deadline and get
 * {@code shutdown-grace} to write their checkpoint and emit their continuation while the stores'
 * clients are still open (ShutdownEvent observers run before the clients close).
 */
@ApplicationScoped
public class JobLauncher {
    private static final Logger LOG = Logger.getLogger(JobLauncher.class);
    private static final int RETRY_BACKOFF_FACTOR = 4;

    private final JobRunner runner;
    private final EventPublisher publisher;
    private final SolveConfig config;
    private final DependencyReadiness readiness;
    private final Duration readinessPoll;
    private final ExecutorService solvers;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "solve-retries");
        t.setDaemon(true);
        return t;
    });
    /** Jobs queued or running in this process: a second trigger while one waits is not queued twice. */
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    public JobLauncher(JobRunner runner, EventPublisher publisher, SolveConfig config, DependencyReadiness readiness,
            FlexTimeConfig flextime) {
        this.runner = runner;
        this.publisher = publisher;
        this.config = config;
        this.readiness = readiness;
        this.readinessPoll = flextime.consumer().readinessPoll();
        int threads = Math.max(1, config.concurrentJobs());
        this.solvers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "solve-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts an invocation of the job on the solver pool unless this process already has it. */
    public void launch(String tenant, UUID jobId) {
        launch(tenant, jobId, 0);
    }

    private void launch(String tenant, UUID jobId, int attempt) {
        if (draining || !active.add(jobId)) {
            LOG.debugf("job %s is already queued or running here, or the process is stopping", jobId);
            return;
        }
        solvers.execute(() -> {
            Optional<CloudEvent> next = Optional.empty();
            RuntimeException failure = null;
            try {
                // a job queued behind others when the shutdown began is left to its next trigger
                next = draining ? Optional.empty() : runner.run(tenant, jobId);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                active.remove(jobId);
            }
            next.ifPresent(this::publishQuietly);
            if (failure != null) {
                afterFailure(tenant, jobId, attempt, failure);
            }
        });
    }

    /** Runs an invocation in the calling thread (AWS Lambda: the invocation is the unit of work). */
    public void runHere(String tenant, UUID jobId) {
        if (!active.add(jobId)) {
            return;
        }
        Optional<CloudEvent> next;
        try {
            next = runner.run(tenant, jobId);
        } finally {
            active.remove(jobId);
        }
        next.ifPresent(publisher::publishBlocking);
    }

    private void afterFailure(String tenant, UUID jobId, int attempt, RuntimeException failure) {
        if (draining) {
            return; // the job is FAILED; its next trigger resumes it from the checkpoint
        }
        boolean retryable = !(failure instanceof PermanentFailure);
        if (retryable && !dependenciesDown().isEmpty()) {
            LOG.warnf("job %s: invocation failed (%s) with %s not ready; waiting for its dependencies, then it runs again "
                    + "from its checkpoint", jobId, failure.getMessage(), dependenciesDown());
            retries.schedule(() -> relaunchWhenReady(tenant, jobId, attempt), readinessPoll.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (retryable && attempt < config.failureRetries()) {
            Duration delay = config.failureRetryDelay().multipliedBy((long) Math.pow(RETRY_BACKOFF_FACTOR, attempt));
            LOG.warnf("job %s: invocation failed (%s); retry %d of %d in %d s", jobId, failure.getMessage(), attempt + 1,
                    config.failureRetries(), delay.toSeconds());
            retries.schedule(() -> launch(tenant, jobId, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        LOG.errorf(failure, "job %s: invocation failed%s; the job stays FAILED", jobId,
                retryable ? " after " + attempt + " retries" : " permanently");
        String message = "Solve job " + jobId + " failed" + (retryable ? " after " + (attempt + 1) + " attempts" : "")
                + ": " + failure.getMessage() + ". Triggering it again (startSolve with the same parameters, or a "
                + "solve.requested event naming the job) resumes it from its last checkpoint.";
        try {
            String run = runner.correlationIdOf(tenant, jobId).orElse(jobId.toString());
            publisher.raise(tenant, run, new PipelineAlert(PipelineAlert.ERROR, "solve", "FAILED", message, run))
                    .await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            LOG.errorf("job %s: could not raise the failure alert: %s", jobId, e.getMessage());
        }
    }

    private void relaunchWhenReady(String tenant, UUID jobId, int attempt) {
        if (draining) {
            return;
        }
        if (!dependenciesDown().isEmpty()) {
            retries.schedule(() -> relaunchWhenReady(tenant, jobId, attempt), readinessPoll.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        LOG.infof("job %s: dependencies ready again; resuming it", jobId);
        launch(tenant, jobId, attempt);
    }

    private List<String> dependenciesDown() {
        try {
            return readiness.down().await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            return List.of("readiness checks (" + e.getMessage() + ")");
        }
    }

    private void publishQuietly(CloudEvent event) {
        try {
            publisher.publishBlocking(event);
        } catch (RuntimeException e) {
            // The job row already holds the outcome (or SUSPENDED); a re-trigger re-emits or resumes.
            LOG.errorf(e, "could not publish %s %s", event.type(), event.id());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        draining = true;
        retries.shutdownNow();
        runner.stopAllForShutdown();
        solvers.shutdown();
        if (!solvers.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("solve: running jobs did not suspend within %s; they resume from their last checkpoint",
                    config.shutdownGrace());
        }
    }

    @PreDestroy
    void close() {
        retries.shutdownNow();
        solvers.shutdownNow();
    }
}
