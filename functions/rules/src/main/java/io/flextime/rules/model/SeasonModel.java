package io.flextime.rules.model;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.Constraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CP-SAT variables of a season — x[h][a][s] = "team h hosts team a in slot s" and the home / away
 * / plays indicators derived from it — plus the one place where a constraint becomes hard (optionally
 * behind an assumption literal, to explain infeasibility) or soft (penalty × deviation).
 */
public final class SeasonModel {
    public final CpModel cp = new CpModel();
    public final SeasonIndex ix;
    public final boolean compact;
    private final boolean withAssumptions;
    /** x[h][a][s]; null on the diagonal. */
    public final BoolVar[][][] x;
    public final BoolVar[][] home;
    public final BoolVar[][] away;
    /** plays[t][s]: a variable in relaxed seasons; null in compact ones (always 1). */
    public final BoolVar[][] plays;
    private BoolVar[][] homeBreak;
    private BoolVar[][] awayBreak;
    private IntVar[][] gamesBefore;
    private IntVar[][] gamesAfter;
    private final Map<String, Object> shared = new java.util.HashMap<>();
    private final Map<String, List<Deviation>> deviations = new LinkedHashMap<>();
    private final Map<String, Literal> assumptionByConstraint = new LinkedHashMap<>();
    private final Map<Integer, SeasonConstraint> constraintByLiteralIndex = new LinkedHashMap<>();
    final LinearExprBuilder travelMetres = LinearExpr.newBuilder();
    private final List<LinearArgument> travelByTeam = new ArrayList<>();

    /** A soft deviation variable and the constraint's penalty per unit. */
    public record Deviation(IntVar variable, long penalty) {
    }

    public SeasonModel(SeasonIndex ix, boolean compact, boolean withAssumptions) {
        this.ix = ix;
        this.compact = compact;
        this.withAssumptions = withAssumptions;
        int n = ix.n;
        int slots = ix.slotCount;
        x = new BoolVar[n][n][slots];
        home = new BoolVar[n][slots];
        away = new BoolVar[n][slots];
        plays = compact ? null : new BoolVar[n][slots];
        for (int h = 0; h < n; h++) {
            for (int a = 0; a < n; a++) {
                if (h != a) {
                    for (int s = 0; s < slots; s++) {
                        x[h][a][s] = cp.newBoolVar("x_" + h + "_" + a + "_" + s);
                    }
                }
            }
        }
        for (int t = 0; t < n; t++) {
            for (int s = 0; s < slots; s++) {
                home[t][s] = cp.newBoolVar("home_" + t + "_" + s);
                away[t][s] = cp.newBoolVar("away_" + t + "_" + s);
                LinearExprBuilder h = LinearExpr.newBuilder();
                LinearExprBuilder a = LinearExpr.newBuilder();
                for (int o = 0; o < n; o++) {
                    if (o != t) {
                        h.add(x[t][o][s]);
                        a.add(x[o][t][s]);
                    }
                }
                cp.addEquality(home[t][s], h);
                cp.addEquality(away[t][s], a);
                if (compact) {
                    cp.addEquality(LinearExpr.sum(new LinearArgument[] {home[t][s], away[t][s]}), 1);
                } else {
                    plays[t][s] = cp.newBoolVar("plays_" + t + "_" + s);
                    cp.addEquality(LinearExpr.sum(new LinearArgument[] {home[t][s], away[t][s]}), plays[t][s]);
                }
            }
        }
    }

    /** 1 when team t plays in slot s. */
    public LinearArgument playsExpr(int t, int s) {
        return compact ? LinearExpr.constant(1) : plays[t][s];
    }

    /** home (H), away (A) or either (HA) indicator of team t in slot s. */
    public LinearArgument games(int t, int s, Mode mode) {
        return switch (mode) {
            case H -> home[t][s];
            case A -> away[t][s];
            case HA -> playsExpr(t, s);
        };
    }

    /** Games of team t against team o in slot s, seen from t: H = t hosts, A = t visits, HA = either. */
    public void addGames(LinearExprBuilder into, int t, int o, int s, Mode mode) {
        if (t == o) {
            return;
        }
        if (mode.countsHome()) {
            into.add(x[t][o][s]);
        }
        if (mode.countsAway()) {
            into.add(x[o][t][s]);
        }
    }

    /** Home break of team t in slot s ≥ 1: home in s−1 and in s. Created on first use. */
    public BoolVar homeBreak(int t, int s) {
        if (homeBreak == null) {
            homeBreak = new BoolVar[ix.n][ix.slotCount];
        }
        if (homeBreak[t][s] == null) {
            homeBreak[t][s] = and("hbreak_" + t + "_" + s, home[t][s - 1], home[t][s]);
        }
        return homeBreak[t][s];
    }

    /** Away break of team t in slot s ≥ 1: away in s−1 and in s. */
    public BoolVar awayBreak(int t, int s) {
        if (awayBreak == null) {
            awayBreak = new BoolVar[ix.n][ix.slotCount];
        }
        if (awayBreak[t][s] == null) {
            awayBreak[t][s] = and("abreak_" + t + "_" + s, away[t][s - 1], away[t][s]);
        }
        return awayBreak[t][s];
    }

    /** Breaks of {@code mode} (H, A, HA) of team t in slot s; nothing in the first slot. */
    public void addBreaks(LinearExprBuilder into, int t, int s, Mode mode) {
        if (s == 0) {
            return;
        }
        if (mode.countsHome()) {
            into.add(homeBreak(t, s));
        }
        if (mode.countsAway()) {
            into.add(awayBreak(t, s));
        }
    }

    /** Games team t plays in the slots before s (a relaxed season's running count). Created on first use. */
    public IntVar gamesBefore(int t, int s) {
        if (gamesBefore == null) {
            gamesBefore = new IntVar[ix.n][];
        }
        if (gamesBefore[t] == null) {
            gamesBefore[t] = new IntVar[ix.slotCount];
            for (int u = 0; u < ix.slotCount; u++) {
                gamesBefore[t][u] = u == 0 ? cp.newConstant(0) : cp.newIntVar(0, u, "before_" + t + "_" + u);
                if (u > 0) {
                    cp.addEquality(gamesBefore[t][u], LinearExpr.newBuilder().add(gamesBefore[t][u - 1]).add(playsExpr(t, u - 1)));
                }
            }
        }
        return gamesBefore[t][s];
    }

    /** Games team t plays in the slots after s. Created on first use. */
    public IntVar gamesAfter(int t, int s) {
        if (gamesAfter == null) {
            gamesAfter = new IntVar[ix.n][];
        }
        if (gamesAfter[t] == null) {
            int last = ix.slotCount - 1;
            gamesAfter[t] = new IntVar[ix.slotCount];
            for (int u = last; u >= 0; u--) {
                gamesAfter[t][u] = u == last ? cp.newConstant(0) : cp.newIntVar(0, last - u, "after_" + t + "_" + u);
                if (u < last) {
                    cp.addEquality(gamesAfter[t][u], LinearExpr.newBuilder().add(gamesAfter[t][u + 1]).add(playsExpr(t, u + 1)));
                }
            }
        }
        return gamesAfter[t][s];
    }

    /** Variables defined once per name, made on first use and shared by every rule that asks for them. */
    @SuppressWarnings("unchecked")
    public <T> T shared(String name, java.util.function.Supplier<T> make) {
        T b = (T) shared.get(name);
        if (b == null) {
            b = make.get();
            shared.put(name, b);
        }
        return b;
    }

    public BoolVar and(String name, Literal a, Literal b) {
        BoolVar r = cp.newBoolVar(name);
        cp.addImplication(r, a);
        cp.addImplication(r, b);
        cp.addBoolOr(new Literal[] {a.not(), b.not(), r});
        return r;
    }

    /**
     * {@code min ≤ expr ≤ max} for constraint c: hard → a constraint (behind c's assumption literal when
     * explaining infeasibility); soft → a deviation d = max(expr − max, min − expr, 0) costing c.penalty
     * per unit. The deviation is an equality, not a bound, so every intermediate solution's objective is
     * exactly what the evaluator computes. {@code exprMax} bounds expr (it sizes the deviation variable).
     */
    public void limit(SeasonConstraint c, LinearArgument expr, long min, long max, long exprMax) {
        if (min <= 0 && max >= exprMax) {
            return;
        }
        if (c.hard()) {
            enforce(c, cp.addLinearConstraint(expr, min, max));
            return;
        }
        IntVar dev = cp.newIntVar(0, Math.max(exprMax, Math.max(0, min)), "dev_" + c.id());
        List<LinearArgument> parts = new ArrayList<>();
        parts.add(LinearExpr.constant(0));
        if (max < exprMax) {
            parts.add(LinearExpr.newBuilder().add(expr).add(-max).build());
        }
        if (min > 0) {
            parts.add(LinearExpr.newBuilder().addTerm(expr, -1).add(min).build());
        }
        cp.addMaxEquality(dev, parts.toArray(new LinearArgument[0]));
        deviation(c, dev);
    }

    /** Records a soft deviation variable of c (counted penalty × value in the objective). */
    public void deviation(SeasonConstraint c, IntVar dev) {
        deviations.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new Deviation(dev, Math.max(0, c.penalty())));
    }

    /** Applies c's assumption literal to a hard constraint (no-op unless explaining infeasibility). */
    public Constraint enforce(SeasonConstraint c, Constraint ct) {
        if (withAssumptions && c.hard()) {
            ct.onlyEnforceIf(assumption(c));
        }
        return ct;
    }

    public Literal assumption(SeasonConstraint c) {
        return assumptionByConstraint.computeIfAbsent(c.id(), id -> {
            BoolVar lit = cp.newBoolVar("assume_" + id);
            constraintByLiteralIndex.put(lit.getIndex(), c);
            return lit;
        });
    }

    public Map<String, List<Deviation>> deviations() {
        return deviations;
    }

    public Map<String, Literal> assumptions() {
        return assumptionByConstraint;
    }

    public SeasonConstraint constraintOfLiteral(int variableIndex) {
        return constraintByLiteralIndex.get(variableIndex);
    }

    public void addTravel(int team, LinearArgument metres) {
        travelMetres.add(metres);
        while (travelByTeam.size() <= team) {
            travelByTeam.add(LinearExpr.constant(0));
        }
        travelByTeam.set(team, metres);
    }

    public LinearExpr travel() {
        return travelMetres.build();
    }

    public static long[] ones(int size) {
        long[] c = new long[size];
        java.util.Arrays.fill(c, 1);
        return c;
    }
}
