package io.flextime.solve.engine;

import io.flextime.core.model.Season;

/**
 * The optimization engine: turns a season into a schedule. It knows nothing about jobs, Redis or
 * events; the job runner (package {@code job}) drives it, checkpoints what it reports and decides when
 * to stop.
 */
public interface SeasonSolver {

    /**
     * Solves until the settings' time limit, proof of optimality/infeasibility, or
     * {@link SolveSettings#stopRequested()}. Every improving solution is reported to {@code listener}
     * (already checked by the independent evaluator) before the call returns.
     */
    SolveResult solve(Season season, SolveSettings settings, SolutionListener listener);

    /**
     * A stable hash of everything that shapes the model (season content + objective weights), so a
     * checkpoint is only reused for the same model.
     */
    String modelHash(Season season, SolveSettings settings);
}
