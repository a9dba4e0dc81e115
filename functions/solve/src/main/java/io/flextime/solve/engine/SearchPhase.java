package io.flextime.solve.engine;

import java.util.Optional;

/**
 * One phase of a solve ({@link CpSatSeasonSolver} runs them in the order of README "Search"): it searches
 * from the run's state, reports what it finds, leaves its best schedule (or its nearest one) for the next
 * phase, and returns the solve's result when it settles it (a proof, a stop, or a search that keeps the
 * whole budget).
 */
interface SearchPhase {
    Optional<SolveResult> search(SolveRun run);
}
