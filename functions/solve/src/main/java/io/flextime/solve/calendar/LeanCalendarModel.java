package io.flextime.solve.calendar;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.flextime.rules.model.OrToolsNatives;
import io.flextime.solve.engine.StopWatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A first schedule, by CP-SAT on a lean model without travel, for seasons whose pairings are given and
 * whose teams' dates are known — each may play on exactly as many slots as it has games, so it plays on
 * each of them (a conference that fixes each team's dates before its matchups, as many do for TV windows):
 * a boolean per game and slot its teams may use, each game once, each team exactly once on each of its
 * slots. A team's sequence of slots is then known, and its status per slot (home, away) is a variable of
 * its own that the rules read, so the sequence rules are small and linear: at most {@code max} away games
 * in any {@code max + 1} consecutive games (MAX_ROAD_TRIP). Posted: the hard rules whose
 * {@link TeamTerm#postLean} or {@link GameTerm#postLean} says how (road trips, rest days, rematch
 * separation, capacity per team and per slot, shared venues, game placement); whatever else the season
 * has, the annealing repairs from here.
 *
 * <p>Why: the calendar search alone walks between the schedules of such a calendar by long ejection
 * chains (Big Ten 2024-25 with each team on its real dates: 3–4 games left unplaced after 60 s). With the
 * sequence rules posted on sums of game booleans, CP-SAT took 6–12 deterministic seconds on that season;
 * with status variables, 0.03–0.05. Where teams have byes to place, the same model (road trips as
 * automata over each team's statuses) took longer than the annealing (window seasons of Big Ten 2024-25
 * and AAC 2023-24: no schedule in 10–12 s, 2–6 deterministic seconds), so there the annealing starts alone.
 */
final class LeanCalendarModel {
    final CalendarProblem p;
    final CpModel model = new CpModel();
    /** x[g][s]: game g in slot s (null where its teams may not play it). */
    final BoolVar[][] x;
    /** Each team's status per slot (null where it may not play). */
    final BoolVar[][] home;
    final BoolVar[][] away;

    private LeanCalendarModel(CalendarProblem p) {
        this.p = p;
        this.x = new BoolVar[p.games()][p.slotCount];
        this.home = new BoolVar[p.n][p.slotCount];
        this.away = new BoolVar[p.n][p.slotCount];
    }

    /** Pairs and hosts given (listed matchups, double round robin) and every team's dates known. */
    static boolean applies(CalendarProblem p) {
        if (p.pairing != CalendarProblem.Pairing.GIVEN) {
            return false;
        }
        int[] games = new int[p.n];
        for (int g = 0; g < p.games(); g++) {
            games[p.gameHome[g]]++;
            games[p.gameAway[g]]++;
        }
        for (int t = 0; t < p.n; t++) {
            int slots = 0;
            for (long w : p.mayPlay[t]) {
                slots += Long.bitCount(w);
            }
            if (slots != games[t]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A schedule as a snapshot ({@link CalendarState#snapshot()} layout), or null when none was found in time
     * (or a game or a date has no slot).
     */
    static int[][] build(CalendarProblem p, double seconds, int workers, long seed, BooleanSupplier stop) {
        LeanCalendarModel m = posted(p);
        if (m == null) {
            return null;
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(Math.max(1, workers)).setMaxTimeInSeconds(Math.max(0.1, seconds))
                .setRandomSeed((int) (seed & 0x7fffffff));
        CpSolverStatus status;
        try (StopWatch watch = StopWatch.watch(stop, solver::stopSearch)) {
            status = solver.solve(m.model);
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        return new int[][] {m.slots(solver::booleanValue), p.gameHome.clone(), p.gameAway.clone()};
    }

    /** Each game's slot in a solution whose booleans {@code value} reads (−1 for a game without one). */
    int[] slots(Predicate<BoolVar> value) {
        int[] slot = new int[x.length];
        Arrays.fill(slot, -1);
        for (int g = 0; g < x.length; g++) {
            for (int s = 0; s < x[g].length; s++) {
                if (x[g][s] != null && value.test(x[g][s])) {
                    slot[g] = s;
                }
            }
        }
        return slot;
    }

    /** The model with its hard rules posted, or null when a game or a date has no slot. */
    static LeanCalendarModel posted(CalendarProblem p) {
        OrToolsNatives.ensureLoaded();
        LeanCalendarModel m = new LeanCalendarModel(p);
        if (!m.postStructure()) {
            return null;
        }
        for (int t = 0; t < p.n; t++) {
            for (TeamTerm term : p.teamTerms[t]) {
                if (term.hard) {
                    term.postLean(m, t);
                }
            }
        }
        for (GameTerm term : p.gameTerms) {
            if (term.hard) {
                term.postLean(m);
            }
        }
        return m;
    }

    /** A leg of a team between its games on two consecutive dates: y = x[g][s] ∧ x[g2][s2]. */
    record Leg(BoolVar y, int g, int s, int g2, int s2) {
    }

    /** The legs of {@link #minimizeTravel}, for hints. */
    final List<Leg> legs = new ArrayList<>();

    /**
     * Minimizes the travel (venue to venue, from home and back, in metres) as a flow over each team's known
     * dates: between two consecutive dates one leg per pair of games that may take them, the legs out of a
     * game summing to its placement on the first date and the legs into a game to its placement on the
     * second. The dates, not an order, say what follows what, so this is much tighter than a circuit over a
     * team's games, and small: a game may take few of a team's dates (Big Ten 2024-25 on its real dates:
     * 14 k variables).
     */
    void minimizeTravel() {
        long[][] d = p.metres;
        LinearExprBuilder travel = LinearExpr.newBuilder();
        for (int t = 0; t < p.n; t++) {
            List<Integer> own = new ArrayList<>();
            for (int s = 0; s < p.slotCount; s++) {
                if (home[t][s] != null) {
                    own.add(s);
                }
            }
            List<List<Integer>> candidates = new ArrayList<>();
            for (int s : own) {
                List<Integer> here = new ArrayList<>();
                for (int g = 0; g < x.length; g++) {
                    if ((p.gameHome[g] == t || p.gameAway[g] == t) && x[g][s] != null) {
                        here.add(g);
                    }
                }
                candidates.add(here);
            }
            for (int i = 0; i < own.size(); i++) {
                int s = own.get(i);
                for (int g : candidates.get(i)) {
                    if (i == 0) {
                        travel.addTerm(x[g][s], d[t][p.gameHome[g]]);
                    }
                    if (i == own.size() - 1) {
                        travel.addTerm(x[g][s], d[p.gameHome[g]][t]);
                    }
                }
                if (i + 1 < own.size()) {
                    legs(travel, own.get(i), candidates.get(i), own.get(i + 1), candidates.get(i + 1));
                }
            }
        }
        model.minimize(travel);
    }

    /** The legs of one team from date s to its next date s2, a flow between the games that may take them. */
    private void legs(LinearExprBuilder travel, int s, List<Integer> here, int s2, List<Integer> next) {
        Map<Integer, LinearExprBuilder> out = new HashMap<>();
        Map<Integer, LinearExprBuilder> in = new HashMap<>();
        for (int g : here) {
            for (int g2 : next) {
                if (g2 == g) {
                    continue;
                }
                BoolVar y = model.newBoolVar("leg" + g + "_" + s + "_" + g2);
                out.computeIfAbsent(g, k -> LinearExpr.newBuilder()).add(y);
                in.computeIfAbsent(g2, k -> LinearExpr.newBuilder()).add(y);
                long cost = p.metres[p.gameHome[g]][p.gameHome[g2]];
                if (cost != 0) {
                    travel.addTerm(y, cost);
                }
                legs.add(new Leg(y, g, s, g2, s2));
            }
        }
        for (int g : here) {
            model.addEquality(out.containsKey(g) ? out.get(g) : LinearExpr.constant(0), x[g][s]);
        }
        for (int g2 : next) {
            model.addEquality(in.containsKey(g2) ? in.get(g2) : LinearExpr.constant(0), x[g2][s2]);
        }
    }

    /** Games, one game per team on each of its slots, the status variables; false when a game or a date has no slot. */
    private boolean postStructure() {
        List<List<Literal>> hosting = new ArrayList<>();
        List<List<Literal>> visiting = new ArrayList<>();
        for (int i = 0; i < p.n * p.slotCount; i++) {
            hosting.add(new ArrayList<>());
            visiting.add(new ArrayList<>());
        }
        for (int g = 0; g < p.games(); g++) {
            int h = p.gameHome[g];
            int a = p.gameAway[g];
            List<Literal> once = new ArrayList<>();
            for (int s = 0; s < p.slotCount; s++) {
                boolean may = p.fixedSlot[g] >= 0 ? s == p.fixedSlot[g]
                        : p.allowed(p.mayPlay[h], s) && p.allowed(p.mayPlay[a], s) && p.allowed(p.mayHost[h], s)
                                && p.allowed(p.mayVisit[a], s);
                if (may) {
                    x[g][s] = model.newBoolVar("x" + g + "_" + s);
                    once.add(x[g][s]);
                    hosting.get(h * p.slotCount + s).add(x[g][s]);
                    visiting.get(a * p.slotCount + s).add(x[g][s]);
                }
            }
            if (once.isEmpty()) {
                return false;
            }
            model.addExactlyOne(once.toArray(Literal[]::new));
        }
        for (int t = 0; t < p.n; t++) {
            for (int s = 0; s < p.slotCount; s++) {
                if (!p.allowed(p.mayPlay[t], s)) {
                    continue;
                }
                List<Literal> hosts = hosting.get(t * p.slotCount + s);
                List<Literal> visits = visiting.get(t * p.slotCount + s);
                if (hosts.isEmpty() && visits.isEmpty()) {
                    return false; // a date of the team where none of its games may be played
                }
                home[t][s] = model.newBoolVar("home" + t + "_" + s);
                away[t][s] = model.newBoolVar("away" + t + "_" + s);
                model.addEquality(home[t][s], LinearExpr.sum(hosts.toArray(Literal[]::new)));
                model.addEquality(away[t][s], LinearExpr.sum(visits.toArray(Literal[]::new)));
                model.addEquality(LinearExpr.newBuilder().add(home[t][s]).add(away[t][s]), 1);
            }
        }
        return true;
    }

    /** Team t plays in slot s (0 where it may not). */
    LinearExpr plays(int t, int s) {
        return home[t][s] == null ? LinearExpr.constant(0) : LinearExpr.newBuilder().add(home[t][s]).add(away[t][s]).build();
    }

    /** Team t's road trips of at most {@code max} games: at most max away games in any max + 1 of its slots. */
    void roadTrips(int t, int max) {
        int[] own = java.util.stream.IntStream.range(0, p.slotCount).filter(s -> away[t][s] != null).toArray();
        for (int i = 0; i + max < own.length; i++) {
            LinearExprBuilder run = LinearExpr.newBuilder();
            for (int k = i; k <= i + max; k++) {
                run.add(away[t][own[k]]);
            }
            model.addLessOrEqual(run, max);
        }
    }

    /** Team t's games at least {@code days} apart: at most one game in each run of slots closer than that. */
    void rest(int t, int[] day, int days) {
        for (int s = 0; s < p.slotCount; s++) {
            if (home[t][s] == null) {
                continue;
            }
            LinearExprBuilder close = LinearExpr.newBuilder().add(plays(t, s));
            int count = 1;
            for (int u = s + 1; u < p.slotCount && day[u] - day[s] < days; u++) {
                if (home[t][u] != null) {
                    close.add(plays(t, u));
                    count++;
                }
            }
            if (count > 1) {
                model.addLessOrEqual(close, 1);
            }
        }
    }

    /** The games of teams t and o meet at least {@code min} slots apart: one in each run of min + 1 slots. */
    void rematches(int t, int o, int min) {
        List<Integer> pair = new ArrayList<>();
        for (int g = 0; g < p.games(); g++) {
            if ((p.gameHome[g] == t && p.gameAway[g] == o) || (p.gameHome[g] == o && p.gameAway[g] == t)) {
                pair.add(g);
            }
        }
        if (pair.size() < 2 || min <= 0) {
            return;
        }
        for (int start = 0; start < p.slotCount; start++) {
            LinearExprBuilder inRun = LinearExpr.newBuilder();
            int count = 0;
            for (int s = start; s <= start + min && s < p.slotCount; s++) {
                for (int g : pair) {
                    if (x[g][s] != null) {
                        inRun.add(x[g][s]);
                        count++;
                    }
                }
            }
            if (count > 1) {
                model.addLessOrEqual(inRun, 1);
            }
        }
    }
}
