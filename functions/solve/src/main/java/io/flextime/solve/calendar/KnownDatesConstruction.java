package io.flextime.solve.calendar;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.flextime.solve.engine.OrToolsNatives;
import io.flextime.solve.engine.StopWatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A first schedule for seasons where every team's dates are known — it may play on exactly as many
 * slots as it has games, so it plays on each of them (a conference that fixes each team's dates before
 * its matchups, as many do for TV windows) — by CP-SAT on the structure that leaves: a boolean per game
 * and slot both its teams may use, each game once, each team exactly once on each of its slots. A
 * team's sequence of slots is then known, so its home/away status in its k-th game is a linear
 * expression and the sequence rules are linear too: at most {@code max} away games in any {@code max + 1}
 * consecutive games of the team (MAX_ROAD_TRIP), rematches at least {@code min} slots apart (SE1),
 * capacity over slots (CA1). Only the hard rules of those types are posted; whatever else the season
 * has, the search repairs from here. The calendar search alone walks between such schedules by long
 * ejection chains (Big Ten 2024-25 with each team on its real dates: 3–4 games left unplaced after 60 s).
 * Each team's home/away status on each of its slots is a variable of its own, which the sequence rules read:
 * with the rules posted on sums of the game booleans instead, CP-SAT took 6–12 deterministic seconds on that
 * season (20–40 s here); with the status variables, 0.05.
 */
final class KnownDatesConstruction {
    private KnownDatesConstruction() {
    }

    /** Every team has exactly as many slots it may play in as games (the given pairings only). */
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

    /** A schedule as a snapshot ({@link CalendarState#snapshot()} layout), or null when none was found in time. */
    static int[][] build(CalendarProblem p, double seconds, int workers, long seed, BooleanSupplier stop) {
        OrToolsNatives.ensureLoaded();
        CpModel model = new CpModel();
        int games = p.games();
        BoolVar[][] x = new BoolVar[games][p.slotCount];
        List<List<BoolVar>> atTeamSlot = new ArrayList<>();
        for (int i = 0; i < p.n * p.slotCount; i++) {
            atTeamSlot.add(new ArrayList<>());
        }
        for (int g = 0; g < games; g++) {
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
                    atTeamSlot.get(h * p.slotCount + s).add(x[g][s]);
                    atTeamSlot.get(a * p.slotCount + s).add(x[g][s]);
                }
            }
            if (once.isEmpty()) {
                return null; // no slot both teams may use: the season cannot be scheduled on these dates
            }
            model.addExactlyOne(once.toArray(Literal[]::new));
        }
        for (int t = 0; t < p.n; t++) {
            for (int s = 0; s < p.slotCount; s++) {
                if (p.allowed(p.mayPlay[t], s)) {
                    List<BoolVar> there = atTeamSlot.get(t * p.slotCount + s);
                    if (there.isEmpty()) {
                        return null;
                    }
                    model.addExactlyOne(there.toArray(Literal[]::new));
                }
            }
        }
        // each team's status on each of its slots, as a variable of its own: the sequence rules read it, and
        // branching on it first decides home/away patterns before pairings
        BoolVar[][] away = new BoolVar[p.n][p.slotCount];
        List<BoolVar> statuses = new ArrayList<>();
        for (int t = 0; t < p.n; t++) {
            for (int s = 0; s < p.slotCount; s++) {
                if (p.allowed(p.mayPlay[t], s)) {
                    away[t][s] = model.newBoolVar("away" + t + "_" + s);
                    model.addEquality(away[t][s], status(p, x, t, s, false));
                    statuses.add(away[t][s]);
                }
            }
        }
        for (int t = 0; t < p.n; t++) {
            for (TeamTerm term : p.teamTerms[t]) {
                if (term.hard) {
                    term.postKnownDates(model, p, x, away, t);
                }
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(Math.max(1, workers)).setMaxTimeInSeconds(Math.max(0.1, seconds))
                .setRandomSeed((int) (seed & 0x7fffffff));
        CpSolverStatus status;
        try (StopWatch watch = StopWatch.watch(stop, solver::stopSearch)) {
            status = solver.solve(model);
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        int[] slot = new int[games];
        Arrays.fill(slot, -1);
        for (int g = 0; g < games; g++) {
            for (int s = 0; s < p.slotCount; s++) {
                if (x[g][s] != null && solver.booleanValue(x[g][s])) {
                    slot[g] = s;
                }
            }
        }
        return new int[][] {slot, p.gameHome.clone(), p.gameAway.clone()};
    }

    /** Team t's home (or away) indicator in slot s: the sum of its games' booleans there. */
    static LinearExpr status(CalendarProblem p, BoolVar[][] x, int t, int s, boolean home) {
        LinearExprBuilder e = LinearExpr.newBuilder();
        for (int g = 0; g < p.games(); g++) {
            if (x[g][s] != null && (home ? p.gameHome[g] == t : p.gameAway[g] == t)) {
                e.add(x[g][s]);
            }
        }
        return e.build();
    }

    /** The slots team t plays in, ascending (all of its allowed slots). */
    static int[] slotsOf(CalendarProblem p, int t) {
        return java.util.stream.IntStream.range(0, p.slotCount).filter(s -> p.allowed(p.mayPlay[t], s)).toArray();
    }
}
