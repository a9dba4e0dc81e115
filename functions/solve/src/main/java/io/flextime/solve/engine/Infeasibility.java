package io.flextime.solve.engine;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.Literal;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.solve.model.SeasonModelBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a season proven infeasible, with the constraints that conflict: the model rebuilt with one
 * assumption literal per hard constraint and solved on one worker (≤ 30 s);
 * {@code sufficientAssumptionsForInfeasibility} names a conflicting set. Only the format itself: "format".
 */
final class Infeasibility {
    /** Budget cap for the explanation solve. */
    private static final double EXPLAIN_SECONDS = 30.0;

    private Infeasibility() {
    }

    static SolveResult explain(SolveRun run) {
        SeasonModelBuilder.Built explained = SeasonModelBuilder.build(run.season,
                new SeasonModelBuilder.Options(run.season.weights(), true, false, false));
        explained.model().cp.addAssumptions(explained.model().assumptions().values().toArray(new Literal[0]));
        CpSolver solver = new CpSolver();
        // Assumption cores come from the single-threaded SAT search; more workers do not help here.
        solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(EXPLAIN_SECONDS);
        CpSolverStatus status = solver.solve(explained.model().cp);
        List<SolveResult.Conflict> conflicts = new ArrayList<>();
        if (status == CpSolverStatus.INFEASIBLE) {
            for (int index : solver.sufficientAssumptionsForInfeasibility()) {
                SeasonConstraint c = explained.model().constraintOfLiteral(index);
                if (c != null) {
                    conflicts.add(new SolveResult.Conflict(c.id(), c.type().name(), String.valueOf(c.params())));
                }
            }
            if (conflicts.isEmpty()) {
                conflicts.add(new SolveResult.Conflict("format", "FORMAT",
                        "the round-robin format alone cannot be scheduled in these slots"));
            }
        }
        run.stats.put("explanation_status", status.name());
        return new SolveResult("INFEASIBLE", List.of(), null, null, run.elapsed(), null, null, null, conflicts, run.stats);
    }
}
