package io.flextime.solve.job;

import java.util.Optional;
import java.util.UUID;

/**
 * One invocation of a job: who it is and what earlier invocations left behind.
 *
 * @param invocation       1 for the first invocation of the job, then 2, 3, ...
 * @param elapsedBefore    solving seconds spent by earlier invocations
 * @param solutionsBefore  improving solutions found by earlier invocations
 * @param bestBoundBefore  best whole-model lower bound proven by earlier invocations, or null
 * @param objectiveCutoff  the resumed checkpoint's objective (the solver must beat it), or null
 * @param resumedFrom      the checkpoint this invocation resumes from
 */
public record JobContext(UUID jobId, String tenant, UUID versionId, String correlationId, String modelHash, int invocation,
        double elapsedBefore, int solutionsBefore, Double bestBoundBefore, Double objectiveCutoff,
        Optional<Checkpoint> resumedFrom) {
}
