package io.flextime.rules.breaks;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Br1;
import io.flextime.core.rules.Br2;
import io.flextime.core.rules.Mode;
import io.flextime.rules.evaluator.Timetable;

/** The reference check of BR1 and BR2 (OrganizationITC2021_V7 §2.4.3). */
final class BreakCheck {
    private BreakCheck() {
    }

    static int br1(Timetable tt, SeasonConstraint c, Br1 r) {
        int[] slots = tt.ix.slots(r.slots(), c.id());
        int dev = 0;
        for (int t : tt.ix.teams(r.teams(), c.id())) {
            dev += Math.max(0, tt.breaks(t, slots, r.mode()) - r.intp());
        }
        return dev;
    }

    static int br2(Timetable tt, SeasonConstraint c, Br2 r) {
        int[] slots = tt.ix.slots(r.slots(), c.id());
        int total = 0;
        for (int t : tt.ix.teams(r.teams(), c.id())) {
            total += tt.breaks(t, slots, Mode.HA);
        }
        return Math.max(0, total - r.intp());
    }
}
