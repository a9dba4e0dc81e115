package io.flextime.solve.engine;

/** Receives improving solutions. Called from the solver's callback thread: record, don't block. */
@FunctionalInterface
public interface SolutionListener {
    void onSolution(Incumbent incumbent);

    SolutionListener NONE = incumbent -> {
    };
}
