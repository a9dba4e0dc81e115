package io.flextime.solve.job;

import io.flextime.core.messaging.EventPublisher;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.ScheduleInfeasible;
import io.flextime.events.data.SolveUnfinished;
import io.flextime.events.data.ScheduleSolved;
import io.flextime.events.data.SolveProgress;
import io.flextime.events.data.SolveRequested;
import io.flextime.solve.engine.SolveResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The events a job emits, built from its state (subjects and keys as events/README.md defines them). */
@ApplicationScoped
public class JobEvents {
    private final EventPublisher publisher;

    public JobEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public CloudEvent progress(SolveJob job, String phase, Checkpoint best, Double bestBound, double elapsedSeconds) {
        Double objective = best == null ? null : best.objective();
        return publisher.create(EventType.SOLVE_PROGRESS, job.jobId().toString(), job.tenant(), job.correlationId(), null,
                new SolveProgress(job.jobId().toString(), job.versionId().toString(), phase, objective, bestBound,
                        InvocationMonitor.gap(objective, bestBound), elapsedSeconds, best == null ? 0 : best.solutions()));
    }

    /** Asks for the job to be solved (EVENT dispatch) or continued ({@code continuationNumber} > 0). */
    public CloudEvent request(SolveJob job, int continuationNumber, Integer remainingSeconds) {
        SolveParameters p = job.parameters();
        SolveRequested data = new SolveRequested(job.jobId().toString(), job.versionId().toString(), p.timeBudgetSeconds(),
                new SolveRequested.Weights(p.weights().travel(), p.weights().penalty()), p.seed(),
                p.workers() == 0 ? null : p.workers(), continuationNumber > 0, continuationNumber, remainingSeconds);
        return publisher.create(EventType.SOLVE_REQUESTED, job.versionId().toString(), job.tenant(), job.correlationId(),
                null, data);
    }

    public CloudEvent solved(SolveJob job, UUID scheduleVersionId, String season, String status, double objective,
            double bestBound, int games, double travelTotal, double elapsedSeconds) {
        return publisher.create(EventType.SCHEDULE_SOLVED, scheduleVersionId.toString(), job.tenant(), job.correlationId(),
                null, new ScheduleSolved(job.jobId().toString(), job.versionId().toString(), scheduleVersionId.toString(),
                        season, status, objective, bestBound, SolveResult.gap(objective, bestBound), games, travelTotal,
                        elapsedSeconds));
    }

    public CloudEvent infeasible(SolveJob job, String status, List<SolveResult.Conflict> conflicts, double elapsedSeconds) {
        List<ScheduleInfeasible.Conflict> named = conflicts.stream()
                .map(c -> new ScheduleInfeasible.Conflict(c.constraintId(), c.type(), c.detail())).toList();
        return publisher.create(EventType.SCHEDULE_INFEASIBLE, job.jobId().toString(), job.tenant(), job.correlationId(),
                null, new ScheduleInfeasible(job.jobId().toString(), job.versionId().toString(), status, named,
                        elapsedSeconds));
    }

    public CloudEvent unfinished(SolveJob job, double elapsedSeconds, Integer fewestHardDeviations) {
        return publisher.create(EventType.SOLVE_UNFINISHED, job.jobId().toString(), job.tenant(), job.correlationId(), null,
                new SolveUnfinished(job.jobId().toString(), job.versionId().toString(), elapsedSeconds, fewestHardDeviations));
    }
}
