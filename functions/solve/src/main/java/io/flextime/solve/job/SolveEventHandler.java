package io.flextime.solve.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.audit.Actor;
import io.flextime.core.messaging.ConsumerInbox;
import io.flextime.core.messaging.EventPublisher;
import io.flextime.core.messaging.PermanentFailure;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.DatasetValidated;
import io.flextime.events.data.SolveRequested;
import io.flextime.solve.store.JobStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Turns dataset.validated (auto-solve) and solve.requested (requests, continuations) into jobs. The
 * input is recorded in the consumer inbox with the job's registration; if the job has already
 * finished, its recorded result event is the output, so a late or duplicate trigger re-emits the
 * result instead of solving again. An unfinished job is (re)started: that is how a crash heals.
 */
@ApplicationScoped
public class SolveEventHandler {
    public static final String CONSUMER = "solve";
    private static final Logger LOG = Logger.getLogger(SolveEventHandler.class);

    private final ConsumerInbox inbox;
    private final TenantDb db;
    private final JobStore jobs;
    private final SolveJobs solveJobs;
    private final SolveConfig config;
    private final ObjectMapper mapper;
    private final EventPublisher publisher;

    public SolveEventHandler(ConsumerInbox inbox, TenantDb db, JobStore jobs, SolveJobs solveJobs, SolveConfig config,
            ObjectMapper mapper, EventPublisher publisher) {
        this.publisher = publisher;
        this.inbox = inbox;
        this.db = db;
        this.jobs = jobs;
        this.solveJobs = solveJobs;
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Handles one event (blocking). {@code inline}: run the job in this thread (Lambda) instead of
     * handing it to the solver pool.
     */
    public void handle(CloudEvent event, boolean inline) {
        EventType type = EventType.fromType(event.type());
        Function<SqlConnection, Uni<SolveJob>> job = switch (type) {
            case DATASET_VALIDATED -> autoSolve(event);
            case SOLVE_REQUESTED -> requested(event);
            default -> throw new PermanentFailure("solve does not consume " + event.type());
        };
        if (job == null) {
            return;
        }
        AtomicReference<SolveJob> registered = new AtomicReference<>();
        try {
            ConsumerInbox.Outcome outcome = inbox.handleOnce(CONSUMER, event, conn -> job.apply(conn).invoke(registered::set)
                    .chain(j -> j.status().finished() ? resultOf(conn, j) : Uni.createFrom().item(List.<CloudEvent>of())))
                    .await().atMost(Duration.ofMinutes(1));
            SolveJob current = registered.get() != null ? registered.get()
                    : db.inTenantBlocking(event.tenant(), job); // a duplicate: find the job again, idempotently
            if (current.status().finished()) {
                if (outcome.emitted().isEmpty()) {
                    // The first delivery came before the job finished: this one answers with the result.
                    db.inTenantBlocking(event.tenant(), c -> jobs.resultEvent(c, current.jobId()))
                            .ifPresent(publisher::publishBlocking);
                }
                return;
            }
            if (isStale(event, current)) {
                LOG.infof("job %s: ignoring stale continuation %s", current.jobId(), event.id());
                return;
            }
            solveJobs.run(current, inline);
        } catch (ProblemException e) {
            // e.g. a dataset version of another database or tenant: retrying cannot help
            throw new PermanentFailure(e.getMessage(), e);
        }
    }

    private Uni<List<CloudEvent>> resultOf(SqlConnection conn, SolveJob job) {
        return jobs.resultEvent(conn, job.jobId()).map(e -> e.map(List::of).orElse(List.of()));
    }

    private Function<SqlConnection, Uni<SolveJob>> autoSolve(CloudEvent event) {
        DatasetValidated data = event.dataAs(DatasetValidated.class, mapper);
        if (!data.autoSolve()) {
            return null;
        }
        UUID versionId = uuid(data.versionId(), "versionId");
        int budget = (int) Math.min(Integer.MAX_VALUE, config.defaultTimeBudget().toSeconds());
        return conn -> solveJobs.register(conn, event.tenant(), versionId, budget, null, null, null, event.correlationid(),
                Actor.event(event));
    }

    private Function<SqlConnection, Uni<SolveJob>> requested(CloudEvent event) {
        SolveRequested data = event.dataAs(SolveRequested.class, mapper);
        if (data.jobId() != null) {
            UUID jobId = uuid(data.jobId(), "jobId");
            return conn -> jobs.find(conn, jobId).map(found -> found.orElseThrow(
                    () -> new PermanentFailure("no solve job " + jobId + " for tenant " + event.tenant())));
        }
        UUID versionId = uuid(data.versionId(), "versionId");
        ObjectiveWeights weights = data.weights() == null ? null
                : new ObjectiveWeights(data.weights().travel(), data.weights().penalty());
        return conn -> solveJobs.register(conn, event.tenant(), versionId, data.timeBudgetSeconds(), weights, data.seed(),
                data.workers(), event.correlationid(), Actor.event(event));
    }

    /** A continuation older than the job's latest one: its invocation has run already. */
    private boolean isStale(CloudEvent event, SolveJob job) {
        if (EventType.fromType(event.type()) != EventType.SOLVE_REQUESTED) {
            return false;
        }
        SolveRequested data = event.dataAs(SolveRequested.class, mapper);
        return data.continuation() && data.continuationNumber() < job.continuations();
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("data." + field + " is not a UUID: '" + value + "'");
        }
    }
}
