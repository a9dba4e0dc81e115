package io.flextime.rules.sequence;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.Constraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.ConsecutiveGames;
import io.flextime.core.rules.Mode;
import io.flextime.rules.model.SeasonModel;
import java.util.ArrayList;
import java.util.List;

/**
 * CONSECUTIVE_GAMES' rows. Compact seasons: every window of n consecutive slots ({@link SeasonModel#limit}).
 * With byes the rule reads a team's games by position: h[s][q] (a[s][q]) = "t's game q, counted from 0,
 * is at home (away) in slot s", one per played slot (Σq h[s][q] = home[t][s]) and q = the games before
 * s; game q is then at home Σs h[s][q]. The run of games q..q+n−1 counts when game q+n−1 exists: hard,
 * min ≤ count ≤ max enforced by that literal; soft, a deviation max(count − max, min − count, 0) when it
 * exists and 0 otherwise (exact both ways). The positions are shared by every rule of the team.
 */
final class ConsecutiveGamesRows {
    private ConsecutiveGamesRows() {
    }

    /** Game q of a team at home, away, and whether it exists (game q played at all). */
    record Positions(LinearArgument[] home, LinearArgument[] away, BoolVar[] exists) {
    }

    static void consecutiveGames(SeasonModel m, SeasonConstraint c, ConsecutiveGames r) {
        int n = r.games();
        int slots = m.ix.slotCount;
        if (r.min() <= 0 && r.max() >= n) {
            return;
        }
        for (int t : m.ix.teams(r.teams(), c.id())) {
            if (m.compact) {
                for (int start = 0; start + n <= slots; start++) {
                    LinearExprBuilder w = LinearExpr.newBuilder();
                    for (int s = start; s < start + n; s++) {
                        w.add(m.games(t, s, r.mode()));
                    }
                    m.limit(c, w, r.min(), r.max(), n);
                }
                continue;
            }
            int team = t;
            Positions p = m.shared("positions_" + t, () -> positions(m, team));
            for (int q = 0; q + n <= slots; q++) {
                LinearExprBuilder count = LinearExpr.newBuilder();
                for (int g = q; g < q + n; g++) {
                    if (r.mode().countsHome()) {
                        count.add(p.home()[g]);
                    }
                    if (r.mode().countsAway()) {
                        count.add(p.away()[g]);
                    }
                }
                BoolVar full = p.exists()[q + n - 1];
                if (c.hard()) {
                    Constraint run = m.cp.addLinearConstraint(count, r.min(), r.max());
                    run.onlyEnforceIf(full);
                    m.enforce(c, run);
                    continue;
                }
                long bound = Math.max(n, r.min());
                IntVar excess = m.cp.newIntVar(0, bound, "runexcess_" + c.id() + "_" + t + "_" + q);
                List<LinearArgument> parts = new ArrayList<>();
                parts.add(LinearExpr.constant(0));
                if (r.max() < n) {
                    parts.add(LinearExpr.newBuilder().add(count).add(-r.max()).build());
                }
                if (r.min() > 0) {
                    parts.add(LinearExpr.newBuilder().addTerm(count, -1).add(r.min()).build());
                }
                m.cp.addMaxEquality(excess, parts.toArray(new LinearArgument[0]));
                IntVar dev = m.cp.newIntVar(0, bound, "rundev_" + c.id() + "_" + t + "_" + q);
                m.cp.addEquality(dev, excess).onlyEnforceIf(full);
                m.cp.addEquality(dev, 0).onlyEnforceIf(full.not());
                m.deviation(c, dev);
            }
        }
    }

    private static Positions positions(SeasonModel m, int t) {
        int slots = m.ix.slotCount;
        LinearExprBuilder[] home = new LinearExprBuilder[slots];
        LinearExprBuilder[] away = new LinearExprBuilder[slots];
        for (int q = 0; q < slots; q++) {
            home[q] = LinearExpr.newBuilder();
            away[q] = LinearExpr.newBuilder();
        }
        for (int s = 0; s < slots; s++) {
            LinearExprBuilder h = LinearExpr.newBuilder();
            LinearExprBuilder a = LinearExpr.newBuilder();
            LinearExprBuilder position = LinearExpr.newBuilder();
            for (int q = 0; q <= s; q++) {
                BoolVar hq = m.cp.newBoolVar("posh_" + t + "_" + s + "_" + q);
                BoolVar aq = m.cp.newBoolVar("posa_" + t + "_" + s + "_" + q);
                h.add(hq);
                a.add(aq);
                position.addTerm(hq, q).addTerm(aq, q);
                home[q].add(hq);
                away[q].add(aq);
            }
            m.cp.addEquality(h, m.games(t, s, Mode.H));
            m.cp.addEquality(a, m.games(t, s, Mode.A));
            m.cp.addEquality(m.gamesBefore(t, s), position).onlyEnforceIf(m.plays[t][s]);
        }
        LinearArgument[] homeAt = new LinearArgument[slots];
        LinearArgument[] awayAt = new LinearArgument[slots];
        BoolVar[] exists = new BoolVar[slots];
        for (int q = 0; q < slots; q++) {
            homeAt[q] = home[q].build();
            awayAt[q] = away[q].build();
            exists[q] = m.cp.newBoolVar("game_" + t + "_" + q);
            m.cp.addEquality(LinearExpr.newBuilder().add(homeAt[q]).add(awayAt[q]), exists[q]);
        }
        return new Positions(homeAt, awayAt, exists);
    }
}
