package io.flextime.solve.job;

import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.core.model.Season;
import java.util.HashMap;
import java.util.Map;

/**
 * The final figures of a job whose best schedule is a checkpoint (no later invocation beat it): the
 * solver has no result for it, so the independent evaluator recomputes them from the season.
 */
final class CheckpointEvaluation {
    private CheckpointEvaluation() {
    }

    static FinalSolution evaluate(Season season, SolveParameters params, Checkpoint cp, String status, double bestBound,
            double elapsedSeconds, Map<String, Object> statistics) {
        Evaluation e = new ScheduleEvaluator().evaluate(season, cp.games(), params.weights());
        if (!e.feasible() || Math.abs(e.objective() - cp.objective()) > 1e-6 * Math.max(1.0, Math.abs(cp.objective()))) {
            // The checkpoint was checked by the evaluator when it was found; a mismatch now is a bug.
            throw new IllegalStateException("checkpoint of job " + cp.jobId() + " does not evaluate to its objective "
                    + cp.objective() + ": evaluator says " + e.objective() + ", " + e.describeInfeasibility());
        }
        Map<String, Object> stats = new HashMap<>(statistics);
        stats.put("solutionSource", "checkpoint");
        return new FinalSolution(status, cp.games(), cp.objective(), bestBound, elapsedSeconds, cp.solutions(),
                e.softPenalties(), e.travelKm(), e.breaks(), stats);
    }
}
