package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.rules.model.SeasonModel;
import com.google.ortools.sat.CpSolverSolutionCallback;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import io.flextime.solve.model.SeasonModelBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The best schedule of one solve phase, fed by any number of CP-SAT searches of its model (the full
 * model, or neighbourhoods of it searched in parallel): each search gets its own {@link #callback}, which
 * reads every schedule it finds and has the independent evaluator check it. A schedule the evaluator
 * finds infeasible, or whose objective differs from the model's, is a modelling bug: that search stops,
 * and {@link #failure()} says why (the solver throws).
 */
final class SolutionRecorder {
    private final Season season;
    private final ObjectiveWeights weights;
    private final SeasonModelBuilder.Built built;
    private final SolutionListener listener;
    private final long startNanos;
    /** The independent travel lower bound in objective units (valid for the whole model). */
    private final double travelBound;
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();
    private int solutions;
    private List<Assignment> best;
    private Evaluation bestEvaluation;
    private double bestObjective;
    /** The best bound a search of the whole model reported so far (objective units). */
    private double modelBound = Double.NEGATIVE_INFINITY;
    private double firstSolutionSeconds = -1;
    private volatile String failure;

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

    /**
     * A callback for one search. {@code boundHoldsForModel}: the search's bound is a bound of the whole
     * model (false for a neighbourhood, whose fixed variables make its bound meaningless outside it).
     */
    Callback callback(boolean boundHoldsForModel) {
        return new Callback(boundHoldsForModel);
    }

    /** What a schedule offered to the recorder turned out to be. */
    private enum Offer { IMPROVING, NOT_BETTER, MODEL_BUG }

    final class Callback extends CpSolverSolutionCallback {
        private final boolean boundHoldsForModel;
        private int improving;

        Callback(boolean boundHoldsForModel) {
            this.boundHoldsForModel = boundHoldsForModel;
        }

        @Override
        public void onSolutionCallback() {
            if (failure != null) {
                stopSearch();
                return;
            }
            double modelObjective = built.scale().toObjective(value(built.objective()));
            double bound = boundHoldsForModel ? built.scale().toObjective(bestObjectiveBound()) : Double.NEGATIVE_INFINITY;
            Offer offer = offer(read(this), modelObjective, bound);
            if (offer == Offer.MODEL_BUG) {
                stopSearch();
            } else if (offer == Offer.IMPROVING) {
                improving++;
            }
        }

        /** Schedules of this search that were the best so far when found. */
        int improving() {
            return improving;
        }
    }

    /** Records the schedule when it is better than the best so far. */
    private synchronized Offer offer(List<Assignment> games, double modelObjective, double bound) {
        if (failure != null) {
            return Offer.MODEL_BUG;
        }
        modelBound = Math.max(modelBound, bound);
        Evaluation eval = evaluator.evaluate(season, games, weights);
        if (!eval.feasible()) {
            failure = "the evaluator finds the model's solution infeasible: " + eval.describeInfeasibility();
            return Offer.MODEL_BUG;
        }
        if (Math.abs(eval.objective() - modelObjective) > 1e-6 * Math.max(1.0, Math.abs(modelObjective))) {
            failure = "objective mismatch: model " + modelObjective + ", evaluator " + eval.objective()
                    + " (travel " + eval.totalKm() + " km, penalties " + eval.softPenalties() + ")";
            return Offer.MODEL_BUG;
        }
        if (eval.objective() >= bestObjective) {
            return Offer.NOT_BETTER;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (firstSolutionSeconds < 0) {
            firstSolutionSeconds = elapsed;
        }
        solutions++;
        best = games;
        bestEvaluation = eval;
        bestObjective = eval.objective();
        double reported = Math.min(eval.objective(), Math.max(travelBound, modelBound));
        listener.onSolution(new Incumbent(games, eval.objective(), reported, elapsed, solutions));
        return Offer.IMPROVING;
    }

    /** Starts from a schedule reported before (the repair phase's, a checkpoint's): not reported again. */
    synchronized void startFrom(List<Assignment> games, Evaluation eval) {
        best = games;
        bestEvaluation = eval;
        bestObjective = Math.min(bestObjective, eval.objective());
    }

    private List<Assignment> read(CpSolverSolutionCallback values) {
        SeasonModel m = built.model();
        SeasonIndex ix = m.ix;
        List<Assignment> games = new ArrayList<>();
        for (int s = 0; s < ix.slotCount; s++) {
            for (int h = 0; h < ix.n; h++) {
                if (!values.booleanValue(m.home[h][s])) {
                    continue;
                }
                for (int a = 0; a < ix.n; a++) {
                    if (a != h && values.booleanValue(m.x[h][a][s])) {
                        games.add(new Assignment(ix.slotIndex(s), ix.teamId(h), ix.teamId(a)));
                    }
                }
            }
        }
        return games;
    }

    synchronized int solutions() {
        return solutions;
    }

    synchronized List<Assignment> best() {
        return best;
    }

    synchronized double bestObjective() {
        return bestObjective;
    }

    synchronized Evaluation bestEvaluation() {
        return bestEvaluation;
    }

    synchronized double firstSolutionSeconds() {
        return firstSolutionSeconds;
    }

    String failure() {
        return failure;
    }
}
