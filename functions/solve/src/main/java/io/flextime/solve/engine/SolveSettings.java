package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.core.model.ObjectiveWeights;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How one solver invocation runs.
 *
 * @param timeLimit       wall-clock budget of this invocation
 * @param workers         CP-SAT search workers (default: available processors)
 * @param seed            random seed (null: solver default)
 * @param weights         objective weights (null: the season's)
 * @param hint            a previous solution to start from (a checkpoint), or empty
 * @param objectiveCutoff only accept solutions strictly better than this (a checkpoint's objective), or null
 * @param stopRequested   polled by the solver; true stops the search (cancel, invocation deadline)
 */
public record SolveSettings(
        Duration timeLimit,
        int workers,
        Long seed,
        ObjectiveWeights weights,
        List<Assignment> hint,
        Double objectiveCutoff,
        BooleanSupplier stopRequested) {

    public SolveSettings {
        if (workers <= 0) {
            workers = Runtime.getRuntime().availableProcessors();
        }
        hint = hint == null ? List.of() : List.copyOf(hint);
        stopRequested = stopRequested == null ? () -> false : stopRequested;
    }

    public static SolveSettings of(Duration timeLimit) {
        return new SolveSettings(timeLimit, 0, null, null, List.of(), null, null);
    }

    public SolveSettings withHint(List<Assignment> start) {
        return new SolveSettings(timeLimit, workers, seed, weights, start, objectiveCutoff, stopRequested);
    }

    public SolveSettings withSeed(Long other) {
        return new SolveSettings(timeLimit, workers, other, weights, hint, objectiveCutoff, stopRequested);
    }
}
