package io.flextime.solve.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How solve jobs run ({@code flextime.solve.*}); the README's "Jobs and checkpoints" explains each key. */
@ConfigMapping(prefix = "flextime.solve")
public interface SolveConfig {

    /** Wall-clock limit of one invocation (AWS Lambda stops at 15 minutes). */
    @WithDefault("PT15M")
    Duration invocationDeadline();

    /** Time kept before the deadline to write the checkpoint, emit the continuation and release the lock. */
    @WithDefault("PT45S")
    Duration safetyMargin();

    /** Minimum time between two checkpoints of a job. */
    @WithDefault("PT2S")
    Duration checkpointInterval();

    /** Minimum time between two solve.progress events of a job. */
    @WithDefault("PT1S")
    Duration progressInterval();

    /** Lock lease; renewed every third of it while the solver runs, so a killed process frees it within one TTL. */
    @WithDefault("PT15S")
    Duration lockTtl();

    /** How long a checkpoint outlives its last write in Redis. */
    @WithDefault("P7D")
    Duration checkpointRetention();

    /** Time budget of an auto-solve started by dataset.validated. */
    @WithDefault("PT10M")
    Duration defaultTimeBudget();

    /** Longest time budget a job may ask for (startSolve, solve.requested); a longer one is refused. */
    @WithDefault("PT2H")
    Duration maxTimeBudget();

    /**
     * Jobs one tenant may have queued, running or suspended at once. A request for one more (another
     * version, other weights, another seed: each is a job) is refused with 429 until one finishes.
     */
    @WithDefault("3")
    int maxActiveJobsPerTenant();

    /**
     * On shutdown (SIGTERM), how long running searches get to stop, write their checkpoint and emit
     * their continuation before the process goes on closing its clients.
     */
    @WithDefault("PT20S")
    Duration shutdownGrace();

    /** Invocations that failed with an exception are retried this many times, after 5 s, 20 s, 80 s... */
    @WithDefault("3")
    int failureRetries();

    /** Pause before the first retry of a failed invocation; each further retry waits four times longer. */
    @WithDefault("PT5S")
    Duration failureRetryDelay();

    /** Jobs one process solves at once (CP-SAT uses every worker it gets; more jobs would only share cores). */
    @WithDefault("1")
    int concurrentJobs();

    /**
     * LOCAL: a trigger runs the job on this process' solver pool. EVENT: a trigger emits solve.requested
     * and returns, and the MSK-triggered invocation runs the job (AWS: an HTTP call cannot wait 15 minutes).
     */
    @WithDefault("LOCAL")
    Dispatch dispatch();

    enum Dispatch { LOCAL, EVENT }
}
