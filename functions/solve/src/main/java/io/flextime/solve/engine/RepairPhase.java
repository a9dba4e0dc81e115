package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import io.flextime.core.model.Season;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.solve.model.HardRelaxation;
import io.flextime.solve.model.SeasonModelBuilder;
import java.util.List;
import java.util.Optional;

/**
 * CP-SAT's repair phase (README "Search", step 2): the season with every hard constraint made soft
 * (penalty 1) and the soft ones dropped, built without the travel flow, minimized; it ends as soon as the
 * violations reach 0 — a feasible schedule, reported as an incumbent — and its best schedule is the next
 * phase's start either way. Runs when there is no start yet (no checkpoint, no nearer schedule).
 */
final class RepairPhase implements SearchPhase {

    @Override
    public Optional<SolveResult> search(SolveRun run) {
        if (run.profile.repair().share() <= 0 || !run.hint.isEmpty()) {
            return Optional.empty();
        }
        Season relaxed = HardRelaxation.of(run.season);
        SeasonModelBuilder.Built repair = SeasonModelBuilder.build(relaxed, new SeasonModelBuilder.Options(
                HardRelaxation.VIOLATIONS_ONLY, false, run.profile.optimization().symmetryBreaking(), true));
        SolutionRecorder recorder = new SolutionRecorder(relaxed, HardRelaxation.VIOLATIONS_ONLY, repair, SolutionListener.NONE,
                run.start, 0, Double.POSITIVE_INFINITY, 0.0);
        CpSolver solver = CpSat.repairSolver(run.settings, run.profile, Math.min(run.budget * run.profile.repair().share(), run.remaining()));
        CpSolverStatus status = CpSat.run(solver, repair, recorder.callback(true), run.settings);
        CpSat.failLoudly(recorder);
        run.stats.put("repair_phase_seconds", solver.wallTime());
        if (status == CpSolverStatus.INFEASIBLE) {
            return Optional.of(Infeasibility.explain(run));
        }
        if (recorder.best() != null) {
            run.hint = recorder.best();
            run.stats.put("repair_phase_violations", recorder.bestEvaluation().objective());
            if (recorder.bestEvaluation().objective() == 0) {
                List<Assignment> games = recorder.best();
                Evaluation eval = run.evaluator.evaluate(run.season, games, run.weights);
                if (!eval.feasible()) {
                    throw new IllegalStateException("model/evaluator mismatch (a modelling bug): a schedule without "
                            + "violations of the relaxed season is infeasible: " + eval.describeInfeasibility());
                }
                run.report(games, eval, Math.min(run.travelBound, eval.objective()));
            }
        }
        return Optional.empty();
    }
}
