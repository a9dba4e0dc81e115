package io.flextime.solve.engine;

import com.google.ortools.sat.CpSolverSolutionCallback;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.solve.evaluator.Evaluation;
import io.flextime.solve.evaluator.ScheduleEvaluator;
import io.flextime.solve.model.SeasonIndex;
import io.flextime.solve.model.SeasonModel;
import io.flextime.solve.model.SeasonModelBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The CP-SAT solution callback: reads each improving schedule, has the independent evaluator check
 * it, and records it. A schedule the evaluator finds infeasible, or whose objective differs from the
 * model's, is a modelling bug: the search stops and {@link #failure()} says why (the solver throws).
 */
final class SolutionRecorder extends CpSolverSolutionCallback {
    private final Season season;
    private final ObjectiveWeights weights;
    private final SeasonModelBuilder.Built built;
    private final SolutionListener listener;
    private final long startNanos;
    /** The independent travel lower bound in objective units (valid for the whole model). */
    private final double travelBound;
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();
    private volatile Runnable stopper = () -> {
    };
    private int solutions;
    private List<Assignment> best;
    private Evaluation bestEvaluation;
    private double bestObjective = Double.POSITIVE_INFINITY;
    private double firstSolutionSeconds = -1;
    private String failure;

    SolutionRecorder(Season season, ObjectiveWeights weights, SeasonModelBuilder.Built built, SolutionListener listener,
            long startNanos, int previousSolutions, double bestSoFar, double travelBound) {
        this.travelBound = travelBound;
        this.season = season;
        this.weights = weights;
        this.built = built;
        this.listener = listener;
        this.startNanos = startNanos;
        this.solutions = previousSolutions;
        this.bestObjective = bestSoFar;
    }

    void stopper(Runnable stop) {
        this.stopper = stop;
    }

    @Override
    public void onSolutionCallback() {
        if (failure != null) {
            return;
        }
        List<Assignment> games = read();
        Evaluation eval = evaluator.evaluate(season, games, weights);
        double modelObjective = built.scale().toObjective(value(built.objective()));
        if (!eval.feasible()) {
            fail("the evaluator finds the model's solution infeasible: " + eval.describeInfeasibility());
            return;
        }
        if (Math.abs(eval.objective() - modelObjective) > 1e-6 * Math.max(1.0, Math.abs(modelObjective))) {
            fail("objective mismatch: model " + modelObjective + ", evaluator " + eval.objective()
                    + " (travel " + eval.totalKm() + " km, penalties " + eval.softPenalties() + ")");
            return;
        }
        if (eval.objective() >= bestObjective) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (firstSolutionSeconds < 0) {
            firstSolutionSeconds = elapsed;
        }
        solutions++;
        best = games;
        bestEvaluation = eval;
        bestObjective = eval.objective();
        double bound = Math.min(eval.objective(), Math.max(travelBound, built.scale().toObjective(bestObjectiveBound())));
        listener.onSolution(new Incumbent(games, eval.objective(), bound, elapsed, solutions));
    }

    private void fail(String why) {
        failure = why;
        stopper.run();
    }

    private List<Assignment> read() {
        SeasonModel m = built.model();
        SeasonIndex ix = m.ix;
        List<Assignment> games = new ArrayList<>();
        for (int s = 0; s < ix.slotCount; s++) {
            for (int h = 0; h < ix.n; h++) {
                if (!booleanValue(m.home[h][s])) {
                    continue;
                }
                for (int a = 0; a < ix.n; a++) {
                    if (a != h && booleanValue(m.x[h][a][s])) {
                        games.add(new Assignment(ix.slotIndex(s), ix.teamId(h), ix.teamId(a)));
                    }
                }
            }
        }
        return games;
    }

    int solutions() {
        return solutions;
    }

    List<Assignment> best() {
        return best;
    }

    Evaluation bestEvaluation() {
        return bestEvaluation;
    }

    double firstSolutionSeconds() {
        return firstSolutionSeconds;
    }

    String failure() {
        return failure;
    }
}
