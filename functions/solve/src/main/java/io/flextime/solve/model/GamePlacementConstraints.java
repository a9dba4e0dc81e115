package io.flextime.solve.model;

import io.flextime.core.model.ConstraintParams;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import java.time.LocalDate;

/**
 * GA1 (OrganizationITC2021_V7 §2.4.2): at least min and at most max of the meetings take place in
 * slots; one deviation for the set of slots. FIXED_GAME: home hosts away in slot (or on date);
 * deviation 1 when it does not.
 */
public final class GamePlacementConstraints {
    private GamePlacementConstraints() {
    }

    public static void ga1(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        int[] slots = m.ix.slots(p.integers("slots"), c.id());
        LinearExprBuilder e = LinearExpr.newBuilder();
        int terms = 0;
        for (String[] meeting : p.meetings("meetings")) {
            int h = m.ix.team(meeting[0], c.id());
            int a = m.ix.team(meeting[1], c.id());
            if (h == a) {
                throw new IllegalArgumentException("constraint " + c.id() + ": a team cannot meet itself (" + meeting[0] + ")");
            }
            for (int s : slots) {
                e.add(m.x[h][a][s]);
            }
            terms += Math.min(slots.length, 2);
        }
        m.limit(c, e, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE), Math.max(terms, p.integer("min", 0)));
    }

    public static void fixedGame(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        int h = m.ix.team(p.strings("home").get(0), c.id());
        int a = m.ix.team(p.strings("away").get(0), c.id());
        LinearExprBuilder e = LinearExpr.newBuilder();
        if (p.has("slot")) {
            e.add(m.x[h][a][m.ix.slot(p.integer("slot"), c.id())]);
        } else if (p.has("date")) {
            LocalDate date = LocalDate.parse(p.strings("date").get(0));
            boolean any = false;
            for (int s = 0; s < m.ix.slotCount; s++) {
                if (date.equals(m.ix.date(s))) {
                    e.add(m.x[h][a][s]);
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException("constraint " + c.id() + ": no slot on " + date);
            }
        } else {
            throw new IllegalArgumentException("constraint " + c.id() + ": FIXED_GAME needs 'slot' or 'date'");
        }
        m.limit(c, e, 1, 1, 1);
    }
}
