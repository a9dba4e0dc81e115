package io.flextime.solve.replan;

import io.flextime.core.model.Game;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.solve.calendar.CalendarSearch;
import io.flextime.solve.engine.Incumbent;
import io.flextime.solve.engine.SeasonSolver;
import io.flextime.solve.engine.SolutionListener;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Minimal-change search for a re-plan: growing neighbourhoods of the games that must move. On the whole
 * derived season the annealing prices every move of a kept game at {@code changeWeight}, calibrates its
 * temperature on that scale and wanders far from the base before it finds a feasible schedule (Big 12 sample,
 * a team unavailable 5 days: 60 moves after 8 s, 40 after 60 s). Here the search first frees only the
 * displaced games (postponed, or on a date now closed to them) and holds every other game on its slot as a
 * hard rule; while that finds no schedule, it also frees every game within 7, then 14 days of a displaced
 * game's date (a window of the calendar, every team), then everything (as good as the plain search, at worst).
 * Once a neighbourhood has a schedule, the next larger one gets the rest of the budget, starting from it and
 * accepting only better schedules. Every schedule is judged by the evaluator on the whole derived season (the
 * job's model: its objective is what checkpoints and the result carry), and only schedules better than the
 * ones before are reported.
 *
 * <p>Each stage is the calendar search alone, on a clock of its own. Through the solver, a stage that found no
 * schedule in its share fell through to CP-SAT's phases, whose model takes seconds to build on a conference
 * season: stages of 0.5 s took 4.5–11.9 s, and a 9 s re-plan ended after 17.9 s without a draft (Big 12
 * sample, bench/results/NOTES.md). Seasons the calendar search does not take go to the solver whole.
 */
public final class ReplanSearch {
    /** Days around a displaced game whose games of the same teams are freed, stage by stage; MAX_VALUE: all games. */
    static final int[] RADII = {0, 3, 7, 14, Integer.MAX_VALUE};
    /**
     * Share of the budget each stage gets until one finds a schedule: the displaced games alone either fit at
     * once or not at all (a conference's rest-day, weekday and home/away rules leave few dates), the 7- and
     * 14-day windows need a few seconds; the whole season gets the rest.
     */
    private static final double[] STAGE_SHARE = {0.05, 0.25, 0.35, 0.35};
    private static final double MIN_STAGE_SECONDS = 0.5;

    private final SeasonSolver solver;
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    public ReplanSearch(SeasonSolver solver) {
        this.solver = solver;
    }

    public SolveResult solve(ReplanSeason.Derived d, SolveSettings settings, SolutionListener listener) {
        Season full = d.season();
        if (CalendarSearch.unsupported(new SeasonIndex(full)).isPresent()) {
            // not a season the calendar search takes: the solver on the whole re-plan, from the base
            return solver.solve(full, settings, listener);
        }
        long start = System.nanoTime();
        double budget = settings.timeLimit().toMillis() / 1000.0;
        ObjectiveWeights weights = settings.weights() != null ? settings.weights() : full.weights();
        long seed = settings.seed() == null ? 1L : settings.seed();
        Best best = new Best();
        if (!settings.hint().isEmpty() && settings.objectiveCutoff() != null) {
            // a checkpoint: a schedule of the whole re-plan already, to be beaten
            best.offer(settings.hint(), evaluator.evaluate(full, settings.hint(), weights));
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        int stage = 0;
        boolean improving = false;
        for (int i = 0; i < RADII.length; i++) {
            double left = budget - seconds(start);
            if (left <= 0.05 || settings.stopRequested().getAsBoolean()) {
                break;
            }
            boolean everything = RADII[i] == Integer.MAX_VALUE;
            Set<Integer> free = everything ? null : freed(d, RADII[i]);
            double seconds = improving || everything ? left : Math.min(left, Math.max(MIN_STAGE_SECONDS, budget * STAGE_SHARE[i]));
            double stageStart = seconds(start);
            search(d, free, seconds, seed + i, weights, settings, best, listener, start);
            stage = i;
            stats.put("replan_stage_" + i + "_free_games", everything ? d.base().size() : free.size());
            stats.put("replan_stage_" + i + "_seconds", seconds(start) - stageStart);
            if (best.games != null) {
                if (improving) {
                    break; // the larger neighbourhood had the rest of the budget
                }
                improving = true;
            }
        }
        double elapsed = seconds(start);
        stats.put("replan_stages", stage + 1);
        stats.put("profile", "replan");
        if (best.games == null) {
            return new SolveResult("UNKNOWN", List.of(), null, null, elapsed, null, null, null, null, stats);
        }
        Evaluation e = best.evaluation;
        return new SolveResult("FEASIBLE", best.games, e.objective(), 0.0, elapsed, e.softPenalties(), e.travelKm(), e.breaks(),
                List.of(), stats);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * The calendar search on the re-plan with every game outside {@code free} held on its base slot (null: none
     * held), from the best schedule so far (else the base), for {@code seconds}; every better schedule of the
     * whole re-plan goes to {@code best} and the listener.
     */
    private void search(ReplanSeason.Derived d, Set<Integer> free, double seconds, long seed, ObjectiveWeights weights,
            SolveSettings settings, Best best, SolutionListener listener, long start) {
        Season full = d.season();
        Season season = free == null ? full : d.holding(free);
        List<Assignment> from = best.games != null ? best.games : d.start();
        // the held games sit on their base slots, where the whole re-plan does not penalize them: a schedule of
        // the neighbourhood has the same objective in the whole re-plan, so the search is told what to beat
        double toBeat = best.evaluation != null ? best.evaluation.objective() : Double.POSITIVE_INFINITY;
        new CalendarSearch().run(new SeasonIndex(season), weights, from, toBeat, seconds, settings.workers(), seed,
                settings.stopRequested(), found -> {
                    Evaluation e = evaluator.evaluate(full, found.games(), weights);
                    if (best.offer(found.games(), e)) {
                        listener.onSolution(new Incumbent(found.games(), e.objective(), 0.0, seconds(start), ++best.reported));
                    }
                });
    }

    /** The displaced games and every game (of any team) within {@code radius} days of a displaced game's date. */
    static Set<Integer> freed(ReplanSeason.Derived d, int radius) {
        Set<Integer> free = new TreeSet<>(d.displaced());
        List<LocalDate> around = d.base().stream().filter(g -> d.displaced().contains(g.number())).map(Game::date).toList();
        if (radius > 0) {
            for (Game g : d.base()) {
                if (d.frozen().contains(g.number()) || d.pinned().contains(g.number())) {
                    continue;
                }
                for (LocalDate day : around) {
                    if (Math.abs(g.date().toEpochDay() - day.toEpochDay()) <= radius) {
                        free.add(g.number());
                        break;
                    }
                }
            }
        }
        return free;
    }

    /** The best schedule of the whole re-plan so far (feasible only). */
    private static final class Best {
        List<Assignment> games;
        Evaluation evaluation;
        int reported;

        synchronized boolean offer(List<Assignment> candidate, Evaluation e) {
            if (!e.feasible() || (evaluation != null && e.objective() >= evaluation.objective() - 1e-9)) {
                return false;
            }
            games = List.copyOf(candidate);
            evaluation = e;
            return true;
        }
    }
}
