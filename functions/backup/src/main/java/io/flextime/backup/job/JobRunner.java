package io.flextime.backup.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.backup.config.BackupConfig;
import io.flextime.backup.restore.RestoreRequest;
import io.flextime.backup.restore.RestoreService;
import io.flextime.backup.snapshot.BackupService;
import io.flextime.backup.store.JobStore;
import io.flextime.backup.verify.BackupVerifier;
import io.flextime.core.audit.Actor;
import io.flextime.core.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs one job in the calling thread: takes it (its lease), runs its operation as the operator who asked
 * for it while a heartbeat renews the lease, and records SUCCEEDED with the operation's answer or FAILED
 * with the reason. A job another process holds is left alone.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final JobStore store;
    private final BackupService backups;
    private final BackupVerifier verifier;
    private final RestoreService restores;
    private final ObjectMapper mapper;
    private final Duration lease;
    private final Duration heartbeat;
    /** This process, as lease owner: a job it took is its own until the lease expires. */
    private final String owner = "backup-" + UUID.randomUUID();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backup-job-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public JobRunner(JobStore store, BackupService backups, BackupVerifier verifier, RestoreService restores, ObjectMapper mapper,
            BackupConfig config) {
        this.store = store;
        this.backups = backups;
        this.verifier = verifier;
        this.restores = restores;
        this.mapper = mapper;
        this.lease = config.jobs().lease();
        this.heartbeat = config.jobs().heartbeat();
    }

    /** Runs the job if it can be taken; the job as it ended, or empty when it was not this process' to run. */
    public Optional<BackupJob> run(UUID jobId) {
        Optional<BackupJob> claimed = store.claim(jobId, owner, lease);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        BackupJob job = claimed.get();
        JobStore.Requester who = store.requester(jobId);
        Operation operation = Operation.valueOf(job.operation());
        Actor actor = new Actor(who.subject(), who.roles(), "http", operation.door(), who.correlationId());
        LOG.infof("job %s: %s (attempt %d of %d)", jobId, operation, job.attempts(), job.maxAttempts());
        long millis = heartbeat.toMillis();
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> renew(jobId), millis, millis, TimeUnit.MILLISECONDS);
        boolean recorded;
        try {
            JsonNode result = mapper.valueToTree(perform(operation, UUID.fromString(job.jobId()), job, actor));
            beat.cancel(false);
            recorded = store.succeeded(jobId, owner, result);
            LOG.infof("job %s: %s succeeded", jobId, operation);
        } catch (RuntimeException | Error e) {
            beat.cancel(false);
            String reason = e instanceof ProblemException p ? p.problem().code() + ": " + p.problem().detail()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf(e, "job %s: %s failed", jobId, operation);
            recorded = store.failed(jobId, owner, reason);
        }
        if (!recorded) {
            LOG.warnf("job %s: its lease expired while it ran and another run took it; this run's outcome is not recorded", jobId);
        }
        return store.find(jobId);
    }

    private Object perform(Operation operation, UUID jobId, BackupJob job, Actor actor) {
        JsonNode request = job.request();
        return switch (operation) {
            // The job's own window: a rerun after a dead process finishes the same backup, a late rerun finds it done.
            case BACKUP -> backups.backup(request.path("kind").asText(), "job:" + jobId, job.createdAt(), jobId.toString().substring(0, 8),
                    actor);
            case VERIFY -> verifier.verify(request.path("backupId").asText(), actor);
            case RESTORE -> restores.restore(treeToRequest(request), actor);
        };
    }

    private RestoreRequest treeToRequest(JsonNode request) {
        try {
            return mapper.treeToValue(request, RestoreRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a queued restore request does not read back", e);
        }
    }

    private void renew(UUID jobId) {
        try {
            if (!store.heartbeat(jobId, owner, lease)) {
                LOG.warnf("job %s: lease lost (taken over after it expired)", jobId);
            }
        } catch (RuntimeException e) {
            LOG.warnf("job %s: heartbeat failed (%s); the lease runs out in %s unless a later one succeeds", jobId, e.getMessage(), lease);
        }
    }

    @PreDestroy
    void close() {
        heartbeats.shutdownNow();
    }
}
