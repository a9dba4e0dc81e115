package io.flextime.rules.placement;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.FixedGame;
import io.flextime.core.rules.Ga1;
import io.flextime.core.rules.Meeting;
import io.flextime.rules.evaluator.Timetable;

/** The reference check of GA1 (OrganizationITC2021_V7 §2.4.2) and FIXED_GAME. */
final class PlacementCheck {
    private PlacementCheck() {
    }

    static int ga1(Timetable tt, SeasonConstraint c, Ga1 r) {
        int[] slots = tt.ix.slots(r.slots(), c.id());
        int count = 0;
        for (Meeting m : r.meetings()) {
            int h = tt.ix.team(m.home(), c.id());
            int a = tt.ix.team(m.away(), c.id());
            for (int s : slots) {
                if (tt.hosts(h, s) && tt.opponent(h, s) == a) {
                    count++;
                }
            }
        }
        return Timetable.outside(count, r.min(), r.max());
    }

    static int fixedGame(Timetable tt, SeasonConstraint c, FixedGame r) {
        int h = tt.ix.team(r.home(), c.id());
        int a = tt.ix.team(r.away(), c.id());
        for (int s = 0; s < tt.slotCount; s++) {
            boolean wanted = r.slot() != null ? tt.ix.slotIndex(s) == r.slot() : r.date().equals(tt.ix.date(s));
            if (wanted && tt.hosts(h, s) && tt.opponent(h, s) == a) {
                return 0;
            }
        }
        return 1;
    }
}
