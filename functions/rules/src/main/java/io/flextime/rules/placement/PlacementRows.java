package io.flextime.rules.placement;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.FixedGame;
import io.flextime.core.rules.Ga1;
import io.flextime.core.rules.Meeting;
import io.flextime.rules.model.SeasonModel;

/**
 * GA1 (OrganizationITC2021_V7 §2.4.2): at least min and at most max of the meetings take place in
 * slots; one deviation for the set of slots. FIXED_GAME: home hosts away in slot (or on date);
 * deviation 1 when it does not.
 */
final class PlacementRows {
    private PlacementRows() {
    }

    static void ga1(SeasonModel m, SeasonConstraint c, Ga1 r) {
        int[] slots = m.ix.slots(r.slots(), c.id());
        LinearExprBuilder e = LinearExpr.newBuilder();
        int terms = 0;
        for (Meeting meeting : r.meetings()) {
            int h = m.ix.team(meeting.home(), c.id());
            int a = m.ix.team(meeting.away(), c.id());
            for (int s : slots) {
                e.add(m.x[h][a][s]);
            }
            terms += Math.min(slots.length, 2);
        }
        m.limit(c, e, r.min(), r.max(), Math.max(terms, r.min()));
    }

    static void fixedGame(SeasonModel m, SeasonConstraint c, FixedGame r) {
        int h = m.ix.team(r.home(), c.id());
        int a = m.ix.team(r.away(), c.id());
        LinearExprBuilder e = LinearExpr.newBuilder();
        for (int s : FixedGames.slots(m.ix, c.id(), r)) {
            e.add(m.x[h][a][s]);
        }
        m.limit(c, e, 1, 1, 1);
    }
}
