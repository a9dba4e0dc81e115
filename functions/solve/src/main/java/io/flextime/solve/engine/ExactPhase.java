package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import java.util.List;
import java.util.Optional;

/**
 * The exact search of a small travel tournament ({@link TravelTournamentProof}, README "Search", step 4),
 * below the best objective so far, for {@link #EXACT_SHARE} of what is left. A schedule it finds is checked
 * by the evaluator and reported like any other; complete, it proves the best schedule optimal (or the
 * season infeasible when there is none and no checkpoint).
 */
final class ExactPhase implements SearchPhase {
    /**
     * Share of the remaining budget for the exact search (after the annealing, whose schedule is its cutoff):
     * NL6 takes 0.2 s, NL8 6 s from the optimum's cutoff and 50 s from none.
     */
    private static final double EXACT_SHARE = 0.8;
    /**
     * Up to this many teams the exact search needs no annealed schedule as cutoff (NL4 0.01 s, NL6 0.19 s
     * from none), so the annealing is skipped and the season is proven at once; with 8 teams the cutoff
     * is worth the annealing's time (NL8 50 s from no cutoff, 5.5 s from the optimum's).
     */
    static final int EXACT_ALONE_TEAMS = 6;

    /** Whether the exact search settles the season without the annealing first. */
    static boolean alone(SolveRun run) {
        return run.index.n <= EXACT_ALONE_TEAMS
                && TravelTournamentProof.forSeason(run.season, run.index, run.weights, run.toBeat()).isPresent();
    }

    @Override
    public Optional<SolveResult> search(SolveRun run) {
        if (run.stopRequested()) {
            return Optional.empty();
        }
        Optional<TravelTournamentProof> exact = TravelTournamentProof.forSeason(run.season, run.index, run.weights, run.toBeat());
        if (exact.isEmpty()) {
            return Optional.empty();
        }
        double seconds = run.remaining() * EXACT_SHARE;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        TravelTournamentProof.Outcome out;
        try {
            out = exact.get().search(run.settings.workers(), () -> run.stopRequested() || System.nanoTime() > deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        run.stats.put("exact_search_complete", out.complete());
        run.stats.put("exact_search_nodes", out.nodes());
        run.stats.put("exact_search_seconds", seconds - Math.max(0, (deadline - System.nanoTime()) / 1e9));
        if (out.improved()) {
            List<Assignment> games = TournamentAnnealing.assignments(run.index, out.opp(), out.home());
            Evaluation eval = run.evaluator.evaluate(run.season, games, run.weights);
            if (!eval.feasible()) {
                throw new IllegalStateException("exact search/evaluator mismatch (a bug): its schedule is infeasible: "
                        + eval.describeInfeasibility());
            }
            run.report(games, eval, out.complete() ? eval.objective() : Math.min(run.travelBound, eval.objective()));
        }
        if (!out.complete()) {
            return Optional.empty();
        }
        if (run.best != null) {
            return Optional.of(run.result("OPTIMAL", run.best, null));
        }
        if (run.cutoff != null && !run.settings.hint().isEmpty()) {
            return Optional.of(run.result("OPTIMAL", run.settings.hint(), null)); // nothing beats the checkpoint
        }
        return Optional.of(Infeasibility.explain(run));
    }
}
