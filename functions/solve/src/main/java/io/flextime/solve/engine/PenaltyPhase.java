package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.solve.model.SeasonModelBuilder;
import io.flextime.solve.profile.SolverProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The soft-rule penalties alone, searched on the model without the travel flow, between the repair phase
 * and the full model (calendar seasons). On a conference season the travel flow is most of the model
 * (Big 12: a location per team and date, a leg per pair of consecutive dates), which makes every CP-SAT
 * neighbourhood of the full model slow, while the penalties, at their season weight, are most of the
 * objective. Big 12 sample, 60 s on 2 cores: the full model alone ended at 1 052–1 595 penalty units;
 * the penalties alone reached 318–381 units in 40 s (at similar travel).
 *
 * <p>Every schedule it finds is checked by the evaluator twice: by the phase's own recorder against the
 * penalty-only model, and here against the real weights. Only schedules better under the real weights are
 * reported and kept; the best of them hints (and cuts off) the full model afterwards.
 */
final class PenaltyPhase implements SearchPhase {
    /** The phase's best schedule under the real weights, and how many better schedules it reported. */
    record Outcome(List<Assignment> games, Evaluation evaluation, int improvements) {
    }

    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    /** Whether the phase can help: a season with travel and penalties both in the objective, and soft rules to pay. */
    static boolean applies(Season season, ObjectiveWeights weights) {
        return weights.travel() > 0 && weights.penalty() > 0
                && season.constraints().stream().anyMatch(c -> !c.hard() && c.penalty() > 0);
    }

    /**
     * From the run's best schedule, for the profile's share of what is left: CP-SAT on the whole penalty
     * model first, then the neighbourhood search for the optimization's share of the time. Its best schedule
     * under the real weights, when better, becomes the run's best.
     */
    @Override
    public Optional<SolveResult> search(SolveRun run) {
        if (run.profile.penaltyShare() <= 0 || run.best == null || !applies(run.season, run.weights) || run.stopRequested()) {
            return Optional.empty();
        }
        double seconds = run.remaining() * run.profile.penaltyShare();
        Optional<Outcome> lower = search(run, seconds);
        lower.ifPresent(o -> run.improved(o.games(), o.evaluation().objective(), o.improvements()));
        return Optional.empty();
    }

    private Optional<Outcome> search(SolveRun run, double seconds) {
        Season season = run.season;
        SolverProfile.Optimization optimization = run.profile.optimization();
        ObjectiveWeights penaltiesOnly = new ObjectiveWeights(0.0, run.weights.penalty());
        long began = System.nanoTime();
        SeasonModelBuilder.Built built = SeasonModelBuilder.build(season,
                new SeasonModelBuilder.Options(penaltiesOnly, false, optimization.symmetryBreaking(), true));
        SeasonModelBuilder.hint(built, run.best);
        List<Assignment> oriented = SeasonModelBuilder.oriented(built, run.best);
        Evaluation startPenalties = evaluator.evaluate(season, oriented, penaltiesOnly);
        RealObjective real = new RealObjective(season, run.weights, run.bestObjective, run.solutions, run.travelBound, run.listener);
        SolutionRecorder recorder = new SolutionRecorder(season, penaltiesOnly, built, real, run.start, 0,
                startPenalties.objective(), 0.0);
        recorder.startFrom(oriented, startPenalties);
        built.model().cp.addLessOrEqual(built.objective(), built.scale().atMost(startPenalties.objective()));

        CpSolver solver = CpSat.solver(run.settings, optimization, seconds * (1 - optimization.neighbourhoodShare()));
        CpSolverStatus status = CpSat.run(solver, built, recorder.callback(true), run.settings);
        CpSat.failLoudly(recorder);
        double left = seconds - (System.nanoTime() - began) / 1e9;
        if (status != CpSolverStatus.OPTIMAL && left > 0.5 && optimization.neighbourhoodShare() > 0 && !run.stopRequested()) {
            NeighbourhoodSearch lns = NeighbourhoodSearch.searchFor(built, recorder, run.settings, left);
            run.stats.put("penalty_phase_neighbourhoods", lns.searched());
        }
        run.stats.put("penalty_phase_seconds", (System.nanoTime() - began) / 1e9);
        run.stats.put("penalty_phase_proven", status == CpSolverStatus.OPTIMAL);
        return real.best();
    }

    /**
     * Re-evaluates each schedule of the penalty model under the real weights and reports those better than
     * the best so far, numbered after the solutions reported before the phase.
     */
    private final class RealObjective implements SolutionListener {
        private final Season season;
        private final ObjectiveWeights weights;
        private final int solutionsBefore;
        private final double travelBound;
        private final SolutionListener listener;
        private double bestObjective;
        private Outcome best;

        RealObjective(Season season, ObjectiveWeights weights, double startObjective, int solutionsBefore, double travelBound,
                SolutionListener listener) {
            this.season = season;
            this.weights = weights;
            this.bestObjective = startObjective;
            this.solutionsBefore = solutionsBefore;
            this.travelBound = travelBound;
            this.listener = listener;
        }

        @Override
        public synchronized void onSolution(Incumbent incumbent) {
            // the recorder hands on only schedules the evaluator found feasible: the weights are all that differ
            Evaluation eval = evaluator.evaluate(season, incumbent.games(), weights);
            if (eval.objective() >= bestObjective) {
                return;
            }
            bestObjective = eval.objective();
            int improvements = best == null ? 1 : best.improvements() + 1;
            best = new Outcome(incumbent.games(), eval, improvements);
            listener.onSolution(new Incumbent(incumbent.games(), eval.objective(), Math.min(travelBound, eval.objective()),
                    incumbent.elapsedSeconds(), solutionsBefore + improvements));
        }

        synchronized Optional<Outcome> best() {
            return Optional.ofNullable(best);
        }
    }
}
