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
    /** No schedule: proven infeasible, invalid model, or none found within the budget. */
    INFEASIBLE,
    CANCELLED,
    /** An invocation failed; a new trigger retries it from its checkpoint. */
    FAILED;

    /** A finished job answers every later trigger from its stored result. */
    public boolean finished() {
        return this == SOLVED || this == INFEASIBLE || this == CANCELLED;
    }
}
