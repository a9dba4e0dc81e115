package io.flextime.solve.calendar;

import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The search for dated conference seasons: one {@link CalendarAnnealing} per worker, each from its own
 * greedy construction (or the given start), coordinated here: every 200 ms the best feasible schedule of
 * all threads is checked by the independent evaluator and, when better, reported. Why our own search:
 * on these seasons (byes, rest days, road-trip limits, dates that must be filled) CP-SAT's model with a
 * boolean per game and date found no schedule in 300 s where this finds one in seconds (functions/solve
 * README "Calendar search").
 */
public final class CalendarSearch {
    private static final long POLL_MILLIS = 200;
    /**
     * At most this share of the budget for CP-SAT's first schedule of a season whose teams' dates are known:
     * the annealing alone rarely finds one there (Big Ten 2023-24 on its real dates needed 8–12 s under load).
     */
    private static final double CONSTRUCTION_SHARE = 0.8;
    /**
     * Where each team's dates are known, the annealing's share of the budget once it has a schedule (it rarely
     * moves on such a calendar); {@link KnownDatesTravel} has the rest.
     */
    private static final double ANNEALING_SHARE = 0.5;

    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    /** Why the search does not apply to the season, or empty when it does. */
    public static Optional<String> unsupported(SeasonIndex ix) {
        return CalendarProblem.unsupported(ix);
    }

    /** A schedule the search found, as the evaluator judged it. */
    public record Found(List<Assignment> games, Evaluation evaluation, double seconds) {
    }

    /**
     * What the search ended with: its best feasible schedule (if any), its schedule nearest to feasible, and
     * whether it searched every schedule there is ({@code complete}: when every game is fixed).
     */
    public record Outcome(Optional<Found> best, List<Assignment> closest, int fewestHardDeviations, long moves,
            int improvements, boolean complete) {
    }

    /**
     * Searches for {@code seconds} (or until {@code stop}); {@code onBetter} receives each schedule better
     * than the ones before it and than {@code toBeat}.
     */
    public Outcome run(SeasonIndex ix, ObjectiveWeights weights, List<Assignment> start, double toBeat, double seconds,
            int workers, long seed, BooleanSupplier stop, Consumer<Found> onBetter) {
        long begin = System.nanoTime();
        CalendarProblem first = CalendarProblem.of(ix, weights)
                .orElseThrow(() -> new IllegalArgumentException("the calendar search does not apply: " + unsupported(ix).orElse("")));
        if (first.everyGameFixed()) {
            // one schedule at most: placing the fixed games is the whole search
            CalendarAnnealing only = new CalendarAnnealing(first, null, seed, 0, () -> true);
            CalendarAnnealing.Published snap = only.bestFeasible();
            if (snap == null || snap.objective() >= toBeat - 1e-6) {
                return new Outcome(Optional.empty(), only.closest() == null ? List.of() : assignments(first, only.closest().schedule()),
                        only.closest() == null ? Integer.MAX_VALUE : only.closest().hard(), 0, 0, true);
            }
            Found found = judge(ix, weights, first, snap, begin);
            onBetter.accept(found);
            return new Outcome(Optional.of(found), found.games(), 0, 0, 1, true);
        }
        Reporter reporter = new Reporter(ix, weights, toBeat, begin, onBetter);
        int[][] from = snapshotOf(first, start);
        if (from == null && LeanCalendarModel.applies(first)) {
            // the pairs are given: CP-SAT places them on the calendar without travel (well under a second where
            // the annealing alone needed seconds to minutes on tight calendars), the annealing goes on from there
            from = LeanCalendarModel.build(first, seconds * CONSTRUCTION_SHARE, workers, seed, stop);
        }
        boolean travelOnDates = KnownDatesTravel.applies(first);
        double annealing = seconds - elapsed(begin);
        long handOver = System.nanoTime() + (long) (annealing * ANNEALING_SHARE * 1e9);
        BooleanSupplier annealingStop = !travelOnDates ? stop
                : () -> stop.getAsBoolean() || (reporter.best != null && System.nanoTime() > handOver);
        Round round = anneal(first, ix, weights, from, annealing, workers, seed, begin, annealingStop, reporter);
        if (travelOnDates && reporter.bestSchedule != null) {
            KnownDatesTravel.improve(first, reporter.bestSchedule, seconds - elapsed(begin), workers, seed, stop,
                    snap -> reporter.offer(first, snap));
        }
        return new Outcome(Optional.ofNullable(reporter.best), round.closest(), round.fewestHard(), round.moves(),
                reporter.improvements, false);
    }

    private static double elapsed(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }

    /** What one round of annealing threads ended with. */
    private record Round(List<Assignment> closest, int fewestHard, long moves) {
    }

    /**
     * Runs one annealing per worker from {@code from} (or each from its own construction) for {@code seconds}
     * or until {@code stop}; every 200 ms the threads' best schedules go to the reporter.
     */
    private Round anneal(CalendarProblem first, SeasonIndex ix, ObjectiveWeights weights, int[][] from, double seconds, int workers,
            long seed, long begin, BooleanSupplier stop, Reporter reporter) {
        long roundStart = System.nanoTime();
        List<CalendarAnnealing> searches = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < Math.max(1, workers); w++) {
            // one compiled problem per thread: the rules over several teams keep counters
            CalendarProblem problem = w == 0 ? first : first.forAnotherThread();
            double left = seconds - elapsed(roundStart);
            CalendarAnnealing a = new CalendarAnnealing(problem, from, seed * 7919 + w, left, stop);
            searches.add(a);
            Thread t = new Thread(a, "calendar-search-" + w);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            boolean running = true;
            while (running) {
                running = false;
                for (Thread t : threads) {
                    t.join(POLL_MILLIS / threads.size());
                    running |= t.isAlive();
                }
                for (CalendarAnnealing a : searches) {
                    reporter.offer(a.problem(), a.bestFeasible());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CalendarAnnealing nearest = null;
        for (CalendarAnnealing a : searches) {
            if (a.closest() != null && (nearest == null || a.closest().hard() < nearest.closest().hard())) {
                nearest = a;
            }
        }
        List<Assignment> closest = nearest == null ? List.of() : assignments(nearest.problem(), nearest.closest().schedule());
        int fewest = nearest == null ? Integer.MAX_VALUE : nearest.closest().hard();
        return new Round(closest, fewest, searches.stream().mapToLong(CalendarAnnealing::moves).sum());
    }

    /** Judges the threads' schedules and reports each better one (one reporter for the whole search). */
    private final class Reporter {
        private final SeasonIndex ix;
        private final ObjectiveWeights weights;
        private final long begin;
        private final Consumer<Found> onBetter;
        private double reported;
        private volatile Found best;
        private int[][] bestSchedule;
        private int improvements;

        Reporter(SeasonIndex ix, ObjectiveWeights weights, double toBeat, long begin, Consumer<Found> onBetter) {
            this.ix = ix;
            this.weights = weights;
            this.reported = toBeat;
            this.begin = begin;
            this.onBetter = onBetter;
        }

        void offer(CalendarProblem p, CalendarAnnealing.Published snap) {
            if (snap == null || snap.objective() >= reported - 1e-6) {
                return;
            }
            Found found = judge(ix, weights, p, snap, begin);
            if (found.evaluation().objective() < reported - 1e-6) {
                reported = found.evaluation().objective();
                best = found;
                bestSchedule = snap.schedule();
                improvements++;
                onBetter.accept(found);
            }
        }
    }

    private Found judge(SeasonIndex ix, ObjectiveWeights weights, CalendarProblem p, CalendarAnnealing.Published snap, long begin) {
        List<Assignment> games = assignments(p, snap.schedule());
        Evaluation eval = evaluator.evaluate(ix.season, games, weights);
        double searched = snap.objective();
        if (!eval.feasible() || Math.abs(eval.objective() - searched) > 1e-6 * Math.max(1, Math.abs(searched))) {
            throw new IllegalStateException("calendar search/evaluator mismatch (a scoring bug): the search scored "
                    + searched + " and feasible, the evaluator " + eval.objective() + ", " + eval.describeInfeasibility());
        }
        return new Found(games, eval, (System.nanoTime() - begin) / 1e9);
    }

    static List<Assignment> assignments(CalendarProblem p, int[][] snap) {
        List<Assignment> out = new ArrayList<>();
        for (int g = 0; g < snap[0].length; g++) {
            if (snap[0][g] >= 0) {
                out.add(new Assignment(p.ix.slotIndex(snap[0][g]), p.ix.teamId(snap[1][g]), p.ix.teamId(snap[2][g])));
            }
        }
        return out;
    }

    /**
     * A start schedule as the problem's games: with given pairs each assignment takes a game of the same
     * (home, away); with pairs to choose, the games take the start's pairs when it has as many games.
     * Assignments that fit no game (or clash) are left out; null when there is no start.
     */
    static int[][] snapshotOf(CalendarProblem p, List<Assignment> start) {
        if (start == null || start.isEmpty()) {
            return null;
        }
        int games = p.games();
        int[] slot = new int[games];
        int[] home = p.gameHome.clone();
        int[] away = p.gameAway.clone();
        Arrays.fill(slot, -1);
        boolean[][] busy = new boolean[p.n][p.slotCount];
        boolean choosePairs = p.pairing != CalendarProblem.Pairing.GIVEN && start.size() == games;
        int next = 0;
        for (Assignment a : start) {
            int h;
            int w;
            int s;
            try {
                h = p.ix.team(a.home(), "start");
                w = p.ix.team(a.away(), "start");
                s = p.ix.slot(a.slot(), "start");
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (busy[h][s] || busy[w][s]) {
                continue;
            }
            int g = -1;
            if (choosePairs) {
                g = next++;
                home[g] = h;
                away[g] = w;
            } else {
                for (int k = 0; k < games; k++) {
                    if (slot[k] < 0 && home[k] == h && away[k] == w) {
                        g = k;
                        break;
                    }
                }
            }
            if (g >= 0) {
                slot[g] = s;
                busy[h][s] = true;
                busy[w][s] = true;
            }
        }
        return new int[][] {slot, home, away};
    }
}
