package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one solver invocation.
 *
 * @param status          OPTIMAL, FEASIBLE, INFEASIBLE, MODEL_INVALID or UNKNOWN (no solution yet)
 * @param games           the best schedule found (empty unless OPTIMAL or FEASIBLE)
 * @param objective       its objective (travel weight × km + penalty weight × soft penalties), per the evaluator
 * @param bestBound       the proven lower bound
 * @param violations      soft-constraint deviation × penalty per constraint id (hard ones are never violated)
 * @param travelPerTeam   km per team id
 * @param breaksPerTeam   breaks (two consecutive home or away games) per team id
 * @param conflicts       for INFEASIBLE: the constraint ids CP-SAT names as a conflicting set
 * @param statistics      solver statistics (branches, conflicts, wall time, profile name, …)
 */
public record SolveResult(
        String status,
        List<Assignment> games,
        Double objective,
        Double bestBound,
        double elapsedSeconds,
        Map<String, Double> violations,
        Map<String, Double> travelPerTeam,
        Map<String, Integer> breaksPerTeam,
        List<Conflict> conflicts,
        Map<String, Object> statistics) {

    public SolveResult {
        games = games == null ? List.of() : List.copyOf(games);
        violations = violations == null ? Map.of() : Map.copyOf(violations);
        travelPerTeam = travelPerTeam == null ? Map.of() : Map.copyOf(travelPerTeam);
        breaksPerTeam = breaksPerTeam == null ? Map.of() : Map.copyOf(breaksPerTeam);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        statistics = statistics == null ? Map.of() : Map.copyOf(statistics);
    }

    public boolean hasSolution() {
        return "OPTIMAL".equals(status) || "FEASIBLE".equals(status);
    }

    public Double gap() {
        return objective == null || bestBound == null ? null : gap(objective, bestBound);
    }

    /** Relative gap (objective − bound) / max(|objective|, 1). */
    public static double gap(double objective, double bound) {
        return Math.max(0.0, (objective - bound) / Math.max(Math.abs(objective), 1.0));
    }

    /** A constraint named in an infeasibility explanation. */
    public record Conflict(String constraintId, String type, String detail) {
    }
}
