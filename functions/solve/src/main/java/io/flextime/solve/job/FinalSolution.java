package io.flextime.solve.job;

import io.flextime.rules.evaluator.Assignment;
import java.util.List;
import java.util.Map;

/**
 * The schedule a job ends with and its figures (from the solver's result, or the evaluator's when the
 * best solution is an earlier invocation's checkpoint).
 *
 * @param status OPTIMAL or FEASIBLE
 */
public record FinalSolution(String status, List<Assignment> games, double objective, double bestBound,
        double elapsedSeconds, int solutions, Map<String, Double> violations, Map<String, Double> travelPerTeam,
        Map<String, Integer> breaksPerTeam, Map<String, Object> statistics) {

    public double travelTotal() {
        return travelPerTeam.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
