package io.flextime.rules.breaks;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Br1;
import io.flextime.core.rules.Br2;
import io.flextime.core.rules.Mode;
import io.flextime.rules.model.SeasonModel;

/**
 * Break constraints (OrganizationITC2021_V7 §2.4.3). A team has a home (away) break in slot s when it
 * plays at home (away) in s−1 and in s; the first slot never holds a break. BR1: one deviation per
 * team, breaks of mode2 in slots above intp. BR2: one deviation, all breaks of teams in slots above intp.
 */
final class BreakRows {
    private BreakRows() {
    }

    static void br1(SeasonModel m, SeasonConstraint c, Br1 r) {
        int[] slots = m.ix.slots(r.slots(), c.id());
        for (int t : m.ix.teams(r.teams(), c.id())) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            int terms = 0;
            for (int s : slots) {
                if (s > 0) {
                    m.addBreaks(e, t, s, r.mode());
                    terms++;
                }
            }
            m.limit(c, e, 0, r.intp(), terms);
        }
    }

    static void br2(SeasonModel m, SeasonConstraint c, Br2 r) {
        int[] slots = m.ix.slots(r.slots(), c.id());
        LinearExprBuilder e = LinearExpr.newBuilder();
        int terms = 0;
        for (int t : m.ix.teams(r.teams(), c.id())) {
            for (int s : slots) {
                if (s > 0) {
                    m.addBreaks(e, t, s, Mode.HA);
                    terms++;
                }
            }
        }
        m.limit(c, e, 0, r.intp(), terms);
    }
}
