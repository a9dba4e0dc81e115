package io.flextime.solve.job;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A solve job as stored, and the answer of {@code startSolve}, {@code solveStatus} and {@code cancelSolve}.
 *
 * @param phase           what the job does now: QUEUED, MODEL, SEARCH, CHECKPOINT, SUSPENDED, DONE
 * @param resultStatus    the solver's verdict once finished: OPTIMAL, FEASIBLE, INFEASIBLE, MODEL_INVALID, UNKNOWN
 * @param elapsedSeconds  solving time over all invocations
 * @param checkpoints     checkpoints written to Redis
 * @param checkpointLoads invocations that resumed from a checkpoint
 * @param continuations   solve.requested continuations emitted at invocation deadlines
 */
@RegisterForReflection
public record SolveJob(
        UUID jobId,
        String tenant,
        UUID versionId,
        SolveParameters parameters,
        JobState status,
        String phase,
        String resultStatus,
        Double objective,
        Double bestBound,
        Double gap,
        double elapsedSeconds,
        int solutions,
        int checkpoints,
        int checkpointLoads,
        int invocations,
        int continuations,
        UUID scheduleVersionId,
        String error,
        String correlationId,
        Instant createdAt,
        Instant updatedAt) {
}
