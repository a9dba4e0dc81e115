package io.flextime.solve.job;

import io.flextime.core.messaging.EventPublisher;
import io.flextime.events.CloudEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Hands a job to a solver thread and returns at once, so HTTP calls and Kafka consumers never wait
 * for a search. The pool is this class' own, bounded by {@code flextime.solve.concurrent-jobs}: CP-SAT
 * takes every core it is given, so solves must not share the application's general worker pool.
 */
@ApplicationScoped
public class JobLauncher {
    private static final Logger LOG = Logger.getLogger(JobLauncher.class);

    private final JobRunner runner;
    private final EventPublisher publisher;
    private final ExecutorService solvers;
    /** Jobs queued or running in this process: a second trigger while one waits is not queued twice. */
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    public JobLauncher(JobRunner runner, EventPublisher publisher, SolveConfig config) {
        this.runner = runner;
        this.publisher = publisher;
        int threads = Math.max(1, config.concurrentJobs());
        this.solvers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "solve-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts an invocation of the job on the solver pool unless this process already has it. */
    public void launch(String tenant, UUID jobId) {
        if (!active.add(jobId)) {
            LOG.debugf("job %s is already queued or running here", jobId);
            return;
        }
        solvers.execute(() -> {
            Optional<CloudEvent> next = Optional.empty();
            try {
                next = runner.run(tenant, jobId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "job %s failed", jobId);
            } finally {
                active.remove(jobId);
            }
            next.ifPresent(this::publishQuietly);
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

    private void publishQuietly(CloudEvent event) {
        try {
            publisher.publishBlocking(event);
        } catch (RuntimeException e) {
            // The job row already holds the outcome (or SUSPENDED); a re-trigger re-emits or resumes.
            LOG.errorf(e, "could not publish %s %s", event.type(), event.id());
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        solvers.shutdown();
        solvers.awaitTermination(20, TimeUnit.SECONDS);
    }
}
