package io.flextime.solve.engine;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.SatParameters;
import io.flextime.solve.model.SeasonModelBuilder;
import io.flextime.solve.profile.SolverProfile;

/** How the phases call CP-SAT: parameters from the settings and profile, stop requests polled, callbacks freed. */
final class CpSat {
    private CpSat() {
    }

    static CpSolver solver(SolveSettings settings, SolverProfile.Optimization optimization, double seconds) {
        CpSolver solver = new CpSolver();
        SatParameters.Builder p = solver.getParameters();
        p.setNumWorkers(settings.workers()).setMaxTimeInSeconds(Math.max(0.1, seconds))
                .setLinearizationLevel(optimization.linearizationLevel());
        if (settings.seed() != null) {
            p.setRandomSeed((int) (settings.seed() & 0x7fffffff));
        }
        if (optimization.relativeGapLimit() > 0) {
            p.setRelativeGapLimit(optimization.relativeGapLimit());
        }
        return solver;
    }

    /**
     * The repair phase minimizes a sum of violation counts, a weighted MaxSAT problem: CP-SAT's core-based
     * search (it raises the bound core by core and stops at the first 0-violation assignment) settles it
     * far sooner than LP search plus LNS. CP-SAT only runs a core worker from about 4 workers on, so it is
     * asked for explicitly; at 2 workers it takes the full-problem worker's place next to the LNS thread.
     * Big 12 sample, 2 cores: first feasible 2.4–2.8 s with it, 10–15 s without.
     */
    static CpSolver repairSolver(SolveSettings settings, SolverProfile profile, double seconds) {
        CpSolver solver = solver(settings, profile.optimization(), seconds);
        solver.getParameters().addExtraSubsolvers("core");
        if (profile.repair().quickPresolve()) {
            // Big 12 sample, 2 cores: presolve took 4.1 s of a 6.1 s repair phase (CP-SAT's log), three rounds
            // of probing at 0.9 s and symmetry detection most of it; the phase took 4.8-7.0 s in six runs, and
            // 0.8-1.1 s without them (seeds 1-6)
            solver.getParameters().setCpModelProbingLevel(0).setSymmetryLevel(0);
        }
        return solver;
    }

    static CpSolverStatus run(CpSolver solver, SeasonModelBuilder.Built built, CpSolverSolutionCallback callback,
            SolveSettings settings) {
        try (StopWatch watch = StopWatch.watch(settings.stopRequested(), solver::stopSearch)) {
            return solver.solve(built.model().cp, callback);
        } finally {
            callback.delete();
        }
    }

    static void failLoudly(SolutionRecorder recorder) {
        if (recorder.failure() != null) {
            throw new IllegalStateException("model/evaluator mismatch (a modelling bug): " + recorder.failure());
        }
    }
}
