package io.flextime.rules.fairness;

import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Fa2;
import io.flextime.core.rules.GamesSpread;
import io.flextime.rules.model.SeasonModel;
import java.util.ArrayList;
import java.util.List;

/**
 * FA2 (OrganizationITC2021_V7 §2.4.4): after each slot of slots, the home-game counts of any two teams
 * of teams differ by at most intp. One deviation per pair: the largest excess over those slots.
 */
final class FairnessRows {
    private FairnessRows() {
    }

    static void fa2(SeasonModel m, SeasonConstraint c, Fa2 r) {
        int intp = r.intp();
        int[] slots = m.ix.slots(r.slots(), c.id());
        int[] teams = m.ix.teams(r.teams(), c.id());
        for (int i = 0; i < teams.length; i++) {
            for (int j = i + 1; j < teams.length; j++) {
                IntVar dev = c.hard() ? null : m.cp.newIntVar(0, m.ix.slotCount, "fa2_" + c.id());
                List<LinearArgument> excess = new ArrayList<>();
                excess.add(LinearExpr.constant(0));
                for (int s : slots) {
                    LinearExprBuilder diff = LinearExpr.newBuilder();
                    for (int u = 0; u <= s; u++) {
                        diff.add(m.home[teams[i]][u]).addTerm(m.home[teams[j]][u], -1);
                    }
                    if (s + 1 <= intp) {
                        continue;
                    }
                    LinearExpr d = diff.build();
                    if (dev == null) {
                        m.enforce(c, m.cp.addLinearConstraint(d, -intp, intp));
                    } else {
                        excess.add(LinearExpr.newBuilder().add(d).add(-intp).build());
                        excess.add(LinearExpr.newBuilder().addTerm(d, -1).add(-intp).build());
                    }
                }
                if (dev != null) {
                    m.cp.addMaxEquality(dev, excess.toArray(new LinearArgument[0]));
                    m.deviation(c, dev);
                }
            }
        }
    }

    /**
     * GAMES_SPREAD: count_t = games of mode of team t in the covered slots; hi and lo equal the largest and
     * smallest count (equalities, so the deviation max(0, hi − lo − spread) is exact), hi − lo ≤ spread.
     */
    static void gamesSpread(SeasonModel m, SeasonConstraint c, GamesSpread r) {
        int[] teams = m.ix.teams(r.teams(), c.id());
        int[] slots = m.ix.covered(r.cover());
        if (teams.length < 2) {
            return;
        }
        LinearArgument[] counts = new LinearArgument[teams.length];
        for (int i = 0; i < teams.length; i++) {
            LinearExprBuilder count = LinearExpr.newBuilder();
            for (int s : slots) {
                count.add(m.games(teams[i], s, r.mode()));
            }
            counts[i] = count.build();
        }
        IntVar hi = m.cp.newIntVar(0, slots.length, "spreadhi_" + c.id());
        IntVar lo = m.cp.newIntVar(0, slots.length, "spreadlo_" + c.id());
        m.cp.addMaxEquality(hi, counts);
        m.cp.addMinEquality(lo, counts);
        m.limit(c, LinearExpr.newBuilder().add(hi).addTerm(lo, -1), 0, r.spread(), slots.length);
    }
}
