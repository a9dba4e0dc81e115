package io.flextime.solve.model;

import io.flextime.core.model.ConstraintParams;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;

/**
 * Break constraints (OrganizationITC2021_V7 §2.4.3). A team has a home (away) break in slot s when it
 * plays at home (away) in s−1 and in s; the first slot never holds a break. BR1: one deviation per
 * team, breaks of mode2 in slots above intp. BR2: one deviation, all breaks of teams in slots above intp.
 */
public final class BreakConstraints {
    private BreakConstraints() {
    }

    public static void br1(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        String mode = p.text(p.firstKey("mode2", "mode") == null ? "mode2" : p.firstKey("mode2", "mode"), "HA");
        int[] slots = m.ix.slots(p.integers("slots"), c.id());
        for (int t : m.ix.teams(p.strings("teams"), c.id())) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            int terms = 0;
            for (int s : slots) {
                if (s > 0) {
                    m.addBreaks(e, t, s, mode);
                    terms++;
                }
            }
            m.limit(c, e, 0, p.integer("intp"), terms);
        }
    }

    public static void br2(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        int[] slots = m.ix.slots(p.integers("slots"), c.id());
        LinearExprBuilder e = LinearExpr.newBuilder();
        int terms = 0;
        for (int t : m.ix.teams(p.strings("teams"), c.id())) {
            for (int s : slots) {
                if (s > 0) {
                    m.addBreaks(e, t, s, "HA");
                    terms++;
                }
            }
        }
        m.limit(c, e, 0, p.integer("intp"), terms);
    }
}
