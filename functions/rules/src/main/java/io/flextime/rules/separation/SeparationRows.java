package io.flextime.rules.separation;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Se1;
import io.flextime.rules.model.SeasonModel;

/**
 * SE1 (OrganizationITC2021_V7 §2.4.5): two mutual games of a pair of teams in slots s1 &lt; s2 have at
 * least min slots between them; deviation per pair max(min − (s2 − s1 − 1), 0). Hard: at most one
 * mutual game in any min+1 consecutive slots (the same rule, stated as windows for a tighter model).
 */
final class SeparationRows {
    private SeparationRows() {
    }

    static void se1(SeasonModel m, SeasonConstraint c, Se1 r) {
        int min = r.min();
        int[] teams = m.ix.teams(r.teams(), c.id());
        int slots = m.ix.slotCount;
        for (int a = 0; a < teams.length; a++) {
            for (int b = a + 1; b < teams.length; b++) {
                int i = teams[a];
                int j = teams[b];
                if (c.hard()) {
                    for (int start = 0; start + 1 < slots; start++) {
                        LinearExprBuilder w = LinearExpr.newBuilder();
                        for (int s = start; s <= Math.min(slots - 1, start + min); s++) {
                            w.add(m.x[i][j][s]).add(m.x[j][i][s]);
                        }
                        m.enforce(c, m.cp.addLessOrEqual(w, 1));
                    }
                    continue;
                }
                LinearExprBuilder posIj = LinearExpr.newBuilder();
                LinearExprBuilder posJi = LinearExpr.newBuilder();
                for (int s = 0; s < slots; s++) {
                    posIj.addTerm(m.x[i][j][s], s);
                    posJi.addTerm(m.x[j][i][s], s);
                }
                BoolVar ij = met(m, i, j);
                BoolVar ji = met(m, j, i);
                IntVar gap = m.cp.newIntVar(0, slots, "se1gap_" + i + "_" + j);
                m.cp.addAbsEquality(gap, LinearExpr.newBuilder().add(posIj).addTerm(posJi, -1));
                IntVar short_ = m.cp.newIntVar(0, min, "se1short_" + c.id());
                m.cp.addMaxEquality(short_, new LinearArgument[] {LinearExpr.constant(0),
                        LinearExpr.newBuilder().addTerm(gap, -1).add(min + 1).build()});
                BoolVar both = m.and("se1both_" + i + "_" + j, ij, ji);
                IntVar dev = m.cp.newIntVar(0, min, "se1dev_" + c.id());
                m.cp.addEquality(dev, short_).onlyEnforceIf(both);
                m.cp.addEquality(dev, 0).onlyEnforceIf(both.not());
                m.deviation(c, dev);
            }
        }
    }

    private static BoolVar met(SeasonModel m, int h, int a) {
        BoolVar v = m.cp.newBoolVar("met_" + h + "_" + a);
        m.cp.addEquality(v, LinearExpr.sum(m.x[h][a]));
        return v;
    }
}
