package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.solve.model.SeasonModelBuilder;
import io.flextime.solve.profile.SolverProfile;
import java.util.List;
import java.util.Optional;

/**
 * The last phase (README "Search", steps 5–6): CP-SAT on the whole model with the run's start as hint and its
 * best (or the checkpoint's cutoff) as cutoff — it proves small seasons and supplies the bound — then, for
 * the profile's share, the neighbourhood search from the best schedule. It always settles the result.
 */
final class OptimizationPhase implements SearchPhase {

    @Override
    public Optional<SolveResult> search(SolveRun run) {
        if (run.stopRequested()) {
            // cancelled or at the invocation deadline during an earlier phase: no optimization phase
            return Optional.of(run.best == null ? run.without("UNKNOWN", null) : run.result("FEASIBLE", run.best, run.travelBound));
        }
        SolverProfile.Optimization optimization = run.profile.optimization();
        SeasonModelBuilder.Built built = SeasonModelBuilder.build(run.season,
                new SeasonModelBuilder.Options(run.weights, false, optimization.symmetryBreaking(), true));
        if (!run.hint.isEmpty()) {
            SeasonModelBuilder.hint(built, run.hint);
        }
        if (run.cutoff != null) {
            built.model().cp.addLessOrEqual(built.objective(), built.scale().strictlyBelow(run.cutoff));
        } else if (run.best != null) {
            built.model().cp.addLessOrEqual(built.objective(), built.scale().atMost(run.bestObjective));
        }
        double remaining = run.remaining();
        SolutionRecorder recorder = new SolutionRecorder(run.season, run.weights, built, run.listener, run.start, run.solutions,
                run.bestObjective, run.travelBound);
        // The neighbourhood search needs a feasible schedule to start from; without one the full search gets all the time.
        boolean startForNeighbourhoods = run.best != null || !run.settings.hint().isEmpty();
        CpSolver solver = CpSat.solver(run.settings, optimization,
                startForNeighbourhoods ? remaining * (1 - optimization.neighbourhoodShare()) : remaining);
        CpSolverStatus status = CpSat.run(solver, built, recorder.callback(true), run.settings);
        CpSat.failLoudly(recorder);
        if (optimization.neighbourhoodShare() > 0 && status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.INFEASIBLE
                && !run.stopRequested()) {
            improveInNeighbourhoods(run, built, recorder, run.budget - run.elapsed());
        }
        run.stats.put("branches", solver.numBranches());
        run.stats.put("conflicts", solver.numConflicts());
        run.stats.put("solver_wall_seconds", solver.wallTime());
        if (recorder.firstSolutionSeconds() >= 0) {
            run.stats.putIfAbsent("first_solution_seconds", recorder.firstSolutionSeconds());
        }
        run.stats.put("solutions", recorder.solutions());

        List<Assignment> games = recorder.best() != null ? recorder.best() : run.best;
        if (status == CpSolverStatus.INFEASIBLE && games == null) {
            if (run.cutoff != null && !run.settings.hint().isEmpty()) {
                // Nothing beats the checkpoint: the checkpoint is optimal.
                return Optional.of(run.result("OPTIMAL", run.settings.hint(), null));
            }
            return Optional.of(Infeasibility.explain(run));
        }
        if (games == null) {
            return Optional.of(run.without(status == CpSolverStatus.MODEL_INVALID ? "MODEL_INVALID" : "UNKNOWN",
                    bound(solver, built, run.travelBound)));
        }
        boolean proven = status == CpSolverStatus.OPTIMAL
                || (status == CpSolverStatus.INFEASIBLE && run.best != null && recorder.best() == null);
        return Optional.of(run.result(proven ? "OPTIMAL" : "FEASIBLE", games, proven ? null : bound(solver, built, run.travelBound)));
    }

    /**
     * The neighbourhood search from the best schedule so far: this phase's, else an earlier phase's or the
     * checkpoint's (nothing beat them yet). Its schedules go to the same recorder.
     */
    private static void improveInNeighbourhoods(SolveRun run, SeasonModelBuilder.Built built, SolutionRecorder recorder,
            double seconds) {
        if (recorder.best() == null) {
            List<Assignment> start = run.best != null ? run.best : SeasonModelBuilder.oriented(built, run.settings.hint());
            if (start.isEmpty()) {
                return;
            }
            Evaluation eval = run.evaluator.evaluate(run.season, start, run.weights);
            if (!eval.feasible()) {
                return; // a checkpoint of an earlier model: the full search above already had its chance
            }
            recorder.startFrom(start, eval);
        }
        NeighbourhoodSearch lns = NeighbourhoodSearch.searchFor(built, recorder, run.settings, seconds);
        run.stats.put("neighbourhoods_searched", lns.searched());
        run.stats.put("neighbourhoods_improving", lns.improved());
    }

    /** The better of CP-SAT's bound and the travel lower bound (null when neither says anything). */
    private static Double bound(CpSolver solver, SeasonModelBuilder.Built built, double travelBound) {
        double b = solver.bestObjectiveBound();
        if (!Double.isFinite(b)) {
            return travelBound > 0 ? travelBound : null;
        }
        return Math.max(built.scale().toObjective(b), travelBound);
    }
}
