package io.flextime.solve.job;

/** Where a solve job is in its life (README, "Jobs and checkpoints"). */
public enum JobState {
    /** Recorded, not started yet. */
    QUEUED,
    /** An invocation holds the job's lock and searches. */
    RUNNING,
    /** An invocation reached its deadline, wrote a checkpoint and emitted its continuation. */
    SUSPENDED,
    /** A schedule version is stored (OPTIMAL or FEASIBLE). */
    SOLVED,
    /** No schedule: proven infeasible (with the conflicting rules), or an invalid model. */
    INFEASIBLE,
    /**
     * The budget ended before any schedule was found: not a proof that none exists. {@code continueSolve}
     * gives the job more time.
     */
    UNFINISHED,
    CANCELLED,
    /** An invocation failed; a new trigger retries it from its checkpoint. */
    FAILED;

    /** A finished job answers every later trigger from its stored result. */
    public boolean finished() {
        return this == SOLVED || this == INFEASIBLE || this == UNFINISHED || this == CANCELLED;
    }
}
