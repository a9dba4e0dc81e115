package io.flextime.rules.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.RuleFamilies;
import io.flextime.rules.RuleRows;
import io.flextime.rules.cost.ConstraintCost;
import io.flextime.rules.cost.RowMoves;
import io.flextime.rules.cost.ScheduleCost;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.rules.model.OrToolsNatives;
import io.flextime.rules.model.SeasonModel;
import io.flextime.rules.probe.FeasibilityProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The four implementations of a rule family against each other on one season and one schedule: per
 * constraint, the deviation the reference check (the evaluator) counts must be the one the CP-SAT
 * model's deviation variables take with the schedule fixed (at both the least and the greatest
 * objective: the deviation is exact, not a bound), the hard rows must hold exactly when the check finds
 * no deviation, the probe must find the rule alone infeasible against the schedule exactly then, and
 * the annealing's cost terms must count the same, also after random moves kept or undone.
 */
final class DriftCheck {
    private static final ScheduleEvaluator EVALUATOR = new ScheduleEvaluator();

    private DriftCheck() {
    }

    /** Every check that applies to this season and schedule; returns how many comparisons were made. */
    static int all(Season season, List<Assignment> games, String context) {
        int compared = 0;
        compared += model(season, games, context);
        compared += hardRows(season, games, context);
        compared += probe(season, games, context);
        compared += cost(season, games, new SplittableRandom(games.hashCode()), context);
        return compared;
    }

    /** The reference check's deviation of each constraint (hard or soft) on a schedule. */
    static Map<String, Integer> reference(Season season, List<Assignment> games) {
        Evaluation e = EVALUATOR.evaluate(season, games, RandomSeasons.PENALTIES_ONLY);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SeasonConstraint c : season.constraints()) {
            int dev = c.hard() ? e.hardDeviations().getOrDefault(c.id(), 0)
                    : (int) Math.round(e.softPenalties().getOrDefault(c.id(), 0.0) / c.penalty());
            out.put(c.id(), dev);
        }
        return out;
    }

    /** Every constraint soft (penalty ≥ 1): its CP-SAT deviation with the schedule fixed is exactly the check's. */
    static int model(Season season, List<Assignment> games, String context) {
        OrToolsNatives.ensureLoaded();
        Season soft = RandomSeasons.with(season, season.constraints().stream()
                .map(c -> c.withHardness(false, Math.max(1, c.penalty()))).toList());
        Map<String, Integer> expected = reference(soft, games);
        Evaluation e = EVALUATOR.evaluate(soft, games, RandomSeasons.PENALTIES_ONLY);
        assertTrue(e.structureErrors().isEmpty(), context + ": the schedule breaks the format: " + e.structureErrors());
        SeasonModel m = RuleRows.build(new SeasonIndex(soft), false, c -> true);
        fix(m, games);
        LinearExprBuilder penalties = LinearExpr.newBuilder();
        m.deviations().values().forEach(ds -> ds.forEach(d -> penalties.addTerm(d.variable(), d.penalty())));
        LinearExpr objective = penalties.build();
        for (boolean least : new boolean[] {true, false}) {
            if (least) {
                m.cp.minimize(objective);
            } else {
                m.cp.maximize(objective);
            }
            CpSolver solver = new CpSolver();
            solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(30);
            CpSolverStatus status = solver.solve(m.cp);
            assertEquals(CpSolverStatus.OPTIMAL, status, context + ": the softened model with the schedule fixed");
            assertEquals(e.objective(), solver.objectiveValue(), 1e-9, context + ": model objective ("
                    + (least ? "least" : "greatest") + ") against the evaluator's");
            Map<String, Integer> model = new LinkedHashMap<>();
            for (SeasonConstraint c : soft.constraints()) {
                long dev = 0;
                for (SeasonModel.Deviation d : m.deviations().getOrDefault(c.id(), List.of())) {
                    dev += solver.value(d.variable());
                }
                model.put(c.id(), (int) dev);
            }
            assertEquals(expected, model, context + ": deviation per constraint, model (" + (least ? "least" : "greatest")
                    + ") against the reference check; constraints " + describe(soft));
        }
        return soft.constraints().size();
    }

    /** Each hard constraint alone (its assumption literal): its hard rows hold on the schedule exactly when the check finds 0. */
    static int hardRows(Season season, List<Assignment> games, String context) {
        Map<String, Integer> expected = reference(season, games);
        SeasonModel m = RuleRows.build(new SeasonIndex(season), true, c -> true);
        fix(m, games);
        int compared = 0;
        for (SeasonConstraint c : season.constraints()) {
            if (!c.hard()) {
                continue;
            }
            Literal lit = m.assumptions().get(c.id());
            boolean holds;
            if (lit == null) {
                holds = true; // no row to enforce: the rule cannot be broken in this season
            } else {
                m.cp.clearAssumptions();
                m.cp.addAssumptions(new Literal[] {lit});
                CpSolver solver = new CpSolver();
                solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(30);
                CpSolverStatus status = solver.solve(m.cp);
                assertTrue(status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE
                        || status == CpSolverStatus.INFEASIBLE, context + ": " + status);
                holds = status != CpSolverStatus.INFEASIBLE;
            }
            assertEquals(expected.get(c.id()) == 0, holds, context + ": hard rows of " + c.id() + " " + c.params()
                    + " hold on the schedule? the check counts " + expected.get(c.id()));
            compared++;
        }
        return compared;
    }

    /**
     * The validate probe on the rule alone with every game of the schedule pinned (hard fixed games):
     * infeasible, naming the rule, exactly when the check counts a deviation.
     */
    static int probe(Season season, List<Assignment> games, String context) {
        Map<String, Integer> expected = reference(season, games);
        int compared = 0;
        for (SeasonConstraint c : season.constraints()) {
            if (!c.hard() || !RuleFamilies.of(c).probed()) {
                continue;
            }
            List<SeasonConstraint> pinned = new ArrayList<>();
            for (int g = 0; g < games.size(); g++) {
                Assignment a = games.get(g);
                pinned.add(new SeasonConstraint("pin-" + g, true, 0,
                        new io.flextime.core.rules.FixedGame(a.home(), a.away(), a.slot(), null)));
            }
            pinned.add(c);
            FeasibilityProbe.Result r = new FeasibilityProbe().probe(SeasonIndex.tolerant(RandomSeasons.with(season, pinned)),
                    Duration.ofSeconds(20));
            if (expected.get(c.id()) == 0) {
                assertEquals(FeasibilityProbe.Status.FEASIBLE, r.status(), context + ": probe of " + c.id() + " " + c.params()
                        + " on a schedule keeping it: " + r);
            } else {
                assertEquals(FeasibilityProbe.Status.INFEASIBLE, r.status(), context + ": probe of " + c.id() + " " + c.params()
                        + " on a schedule breaking it by " + expected.get(c.id()) + ": " + r);
                assertTrue(r.conflict().contains(c.id()), context + ": the probe names " + c.id() + ": " + r);
            }
            compared++;
        }
        return compared;
    }

    /**
     * The annealing's cost (when the season is one it scores: compact, every rule scored) on the schedule,
     * then after random moves — games exchanged in a few nearby slots, or whole team rows swapped — each
     * kept or undone at random: per constraint, the terms' deviation is the check's, the hard total and the
     * soft cost too.
     */
    static int cost(Season season, List<Assignment> games, SplittableRandom random, String context) {
        SeasonIndex ix = new SeasonIndex(season);
        java.util.Optional<Supplier<ScheduleCost>> costs = ConstraintCost.of(season, ix, RandomSeasons.PENALTIES_ONLY);
        if (costs.isEmpty()) {
            return 0;
        }
        int n = ix.n;
        int slots = ix.slotCount;
        int[][] opp = new int[n][slots];
        boolean[][] home = new boolean[n][slots];
        for (Assignment g : games) {
            int s = ix.slot(g.slot(), "schedule");
            int h = ix.team(g.home(), "schedule");
            int a = ix.team(g.away(), "schedule");
            opp[h][s] = a;
            opp[a][s] = h;
            home[h][s] = true;
        }
        ConstraintCost cost = (ConstraintCost) costs.get().get();
        cost.reset(opp, home);
        compareCost(season, ix, cost, opp, home, context + ", fresh");
        int[][] oldOpp = new int[n][slots];
        boolean[][] oldHome = new boolean[n][slots];
        int compared = 1;
        for (int move = 0; move < 60; move++) {
            int[] rows = new int[n];
            boolean[] touched = new boolean[n];
            int[] count = new int[1];
            int[] changed;
            int i = random.nextInt(n);
            int j = (i + 1 + random.nextInt(n - 1)) % n;
            if (random.nextInt(5) == 0) {
                changed = new int[slots];
                for (int s = 0; s < slots; s++) {
                    changed[s] = s;
                }
                for (int s = 0; s < slots; s++) {
                    exchange(opp, home, oldOpp, oldHome, rows, touched, count, i, j, s);
                }
            } else {
                int first = random.nextInt(Math.max(1, slots - 3));
                List<Integer> picked = new ArrayList<>();
                for (int s = first; s < Math.min(slots, first + 4) && picked.size() < 2 + random.nextInt(3); s++) {
                    if (random.nextBoolean()) {
                        picked.add(s);
                    }
                }
                if (picked.isEmpty()) {
                    continue;
                }
                changed = picked.stream().mapToInt(Integer::intValue).toArray();
                for (int s : changed) {
                    exchange(opp, home, oldOpp, oldHome, rows, touched, count, i, j, s);
                }
            }
            cost.rescore(opp, home, oldOpp, oldHome, rows, count[0], changed, changed.length);
            if (random.nextBoolean()) {
                cost.accept();
            } else {
                for (int r = 0; r < count[0]; r++) {
                    System.arraycopy(oldOpp[rows[r]], 0, opp[rows[r]], 0, slots);
                    System.arraycopy(oldHome[rows[r]], 0, home[rows[r]], 0, slots);
                }
                cost.undo();
            }
            compareCost(season, ix, cost, opp, home, context + ", after move " + move);
            compared++;
        }
        return compared;
    }

    /**
     * Teams i and j exchange their games of slot s (each takes the other's opponent and venue; a game
     * between them keeps its slot with the venue swapped), their rows and their opponents' saved first.
     */
    private static void exchange(int[][] opp, boolean[][] home, int[][] oldOpp, boolean[][] oldHome, int[] rows,
            boolean[] touched, int[] count, int i, int j, int s) {
        for (int t : new int[] {i, j, opp[i][s], opp[j][s]}) {
            if (!touched[t]) {
                touched[t] = true;
                rows[count[0]++] = t;
                System.arraycopy(opp[t], 0, oldOpp[t], 0, opp[t].length);
                System.arraycopy(home[t], 0, oldHome[t], 0, home[t].length);
            }
        }
        if (opp[i][s] == j) {
            home[i][s] = !home[i][s];
            home[j][s] = !home[j][s];
        } else {
            RowMoves.exchangeGames(opp, home, i, j, s);
        }
    }

    private static void compareCost(Season season, SeasonIndex ix, ConstraintCost cost, int[][] opp, boolean[][] home,
            String context) {
        List<Assignment> games = new ArrayList<>();
        for (int t = 0; t < ix.n; t++) {
            for (int s = 0; s < ix.slotCount; s++) {
                if (home[t][s]) {
                    games.add(new Assignment(ix.slotIndex(s), ix.teamId(t), ix.teamId(opp[t][s])));
                }
            }
        }
        Map<String, Integer> expected = reference(season, games);
        assertEquals(expected, cost.deviations(), context + ": deviation per constraint, cost terms against the reference "
                + "check; constraints " + describe(season));
        Evaluation e = EVALUATOR.evaluate(season, games, RandomSeasons.PENALTIES_ONLY);
        assertEquals(e.hardDeviations().values().stream().mapToInt(Integer::intValue).sum(), cost.hard(), context + ": hard total");
        assertEquals(e.objective(), cost.soft(), 1e-9, context + ": soft cost");
    }

    /** Pins the model's games to the schedule. */
    private static void fix(SeasonModel m, List<Assignment> games) {
        SeasonIndex ix = m.ix;
        boolean[][][] on = new boolean[ix.n][ix.n][ix.slotCount];
        for (Assignment g : games) {
            on[ix.team(g.home(), "schedule")][ix.team(g.away(), "schedule")][ix.slot(g.slot(), "schedule")] = true;
        }
        for (int h = 0; h < ix.n; h++) {
            for (int a = 0; a < ix.n; a++) {
                if (h != a) {
                    for (int s = 0; s < ix.slotCount; s++) {
                        m.cp.addEquality(m.x[h][a][s], on[h][a][s] ? 1 : 0);
                    }
                }
            }
        }
    }

    static String describe(Season season) {
        StringBuilder b = new StringBuilder();
        for (SeasonConstraint c : season.constraints()) {
            b.append(c.id()).append(c.hard() ? " hard " : " soft ").append(c.params()).append("; ");
        }
        return b.toString();
    }
}
