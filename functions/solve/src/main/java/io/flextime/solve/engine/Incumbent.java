package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import java.util.List;

/** An improving solution found during search. */
public record Incumbent(List<Assignment> games, double objective, double bestBound, double elapsedSeconds,
        int solutionNumber) {

    public Incumbent {
        games = List.copyOf(games);
    }

    public double gap() {
        return SolveResult.gap(objective, bestBound);
    }
}
