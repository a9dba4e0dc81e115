package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.core.model.SeasonIndex;
import io.flextime.solve.profile.SolverProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state the phases of one solve share ({@link SearchPhase}): the season, its settings and profile, the
 * clock, and the best schedule so far with what the next phase starts from (its hint and cutoff). Phases
 * run one after the other on the solving thread; their own threads report through the listener only.
 */
final class SolveRun {
    final Season season;
    final SeasonIndex index;
    final ObjectiveWeights weights;
    final SolveSettings settings;
    final SolverProfile profile;
    final SolutionListener listener;
    final long start;
    final double budget;
    /** Valid for the whole model, whatever a search proves: every reported bound is at least this. */
    final double travelBound;
    final Map<String, Object> stats = new LinkedHashMap<>();
    final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    /** Where the next phase starts: a checkpoint, or the nearest schedule a phase found (possibly infeasible). */
    List<Assignment> hint;
    /** Only schedules strictly better than this count (a checkpoint's objective), or null. */
    Double cutoff;
    /** The best feasible schedule a phase of this run found, or null, and its objective. */
    List<Assignment> best;
    double bestObjective = Double.POSITIVE_INFINITY;
    /** Improving schedules reported so far (the listener's solution numbers continue from it). */
    int solutions;

    SolveRun(Season season, SeasonIndex index, ObjectiveWeights weights, SolveSettings settings, SolverProfile profile,
            SolutionListener listener, long start, double travelBound) {
        this.season = season;
        this.index = index;
        this.weights = weights;
        this.settings = settings;
        this.profile = profile;
        this.listener = listener;
        this.start = start;
        this.budget = settings.timeLimit() == null ? 60.0 : settings.timeLimit().toMillis() / 1000.0;
        this.travelBound = travelBound;
        this.hint = settings.hint();
        this.cutoff = settings.objectiveCutoff();
        stats.put("profile", profile.name());
        stats.put("workers", settings.workers());
        stats.put("travel_lower_bound", travelBound);
    }

    double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** What is left of the budget (never less than 0.1 s, so a phase asked to run gets a real try). */
    double remaining() {
        return Math.max(0.1, budget - elapsed());
    }

    boolean stopRequested() {
        return settings.stopRequested().getAsBoolean();
    }

    /** What a schedule must beat to count: the cutoff, else the best so far. */
    double toBeat() {
        return cutoff != null ? cutoff : bestObjective;
    }

    /**
     * A phase found a better feasible schedule (already reported): it is the best and the next phase's start,
     * and it beats any checkpoint's cutoff.
     */
    void improved(List<Assignment> games, double objective, int reported) {
        best = games;
        hint = games;
        bestObjective = objective;
        cutoff = null;
        solutions += reported;
        stats.putIfAbsent("first_solution_seconds", elapsed());
    }

    /** Reports one better schedule through the listener (numbered after those before) and keeps it. */
    void report(List<Assignment> games, Evaluation eval, double bound) {
        double at = elapsed();
        stats.putIfAbsent("first_solution_seconds", at);
        listener.onSolution(new Incumbent(games, eval.objective(), bound, at, solutions + 1));
        improved(games, eval.objective(), 1);
    }

    /** The result with schedule {@code games}, judged by the evaluator (which must find it feasible). */
    SolveResult result(String status, List<Assignment> games, Double bound) {
        Evaluation eval = evaluator.evaluate(season, games, weights);
        if (!eval.feasible()) {
            throw new IllegalStateException("evaluator rejects the reported schedule: " + eval.describeInfeasibility());
        }
        double proven = bound == null ? eval.objective() : Math.min(bound, eval.objective());
        return new SolveResult(status, games, eval.objective(), proven, elapsed(), eval.softPenalties(), eval.travelKm(),
                eval.breaks(), List.of(), stats);
    }

    /** No schedule: UNKNOWN (none found, nothing proven) or MODEL_INVALID, with the bound known so far. */
    SolveResult without(String status, Double bound) {
        return new SolveResult(status, List.of(), null, bound, elapsed(), null, null, null, null, stats);
    }
}
