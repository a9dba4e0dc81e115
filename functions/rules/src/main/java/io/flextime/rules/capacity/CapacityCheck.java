package io.flextime.rules.capacity;

import static io.flextime.rules.evaluator.Timetable.outside;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Ca1;
import io.flextime.core.rules.Ca2;
import io.flextime.core.rules.Ca3;
import io.flextime.core.rules.Ca4;
import io.flextime.rules.evaluator.Timetable;

/** The reference check of CA1–CA4 (OrganizationITC2021_V7 §2.4.1), from the teams' game sequences. */
final class CapacityCheck {
    private CapacityCheck() {
    }

    static int ca1(Timetable tt, SeasonConstraint c, Ca1 r) {
        int[] slots = tt.ix.slots(r.slots(), c.id());
        int dev = 0;
        for (int t : tt.ix.teams(r.teams(), c.id())) {
            int count = 0;
            for (int s : slots) {
                count += tt.plays(t, s, r.mode()) ? 1 : 0;
            }
            dev += outside(count, r.min(), r.max());
        }
        return dev;
    }

    static int ca2(Timetable tt, SeasonConstraint c, Ca2 r) {
        boolean[] against = tt.mask(tt.ix.teams(r.teams2(), c.id()));
        int[] slots = tt.ix.slots(r.slots(), c.id());
        int dev = 0;
        for (int t : tt.ix.teams(r.teams1(), c.id())) {
            int count = 0;
            for (int s : slots) {
                count += tt.playsAgainst(t, s, r.mode(), against) ? 1 : 0;
            }
            dev += outside(count, r.min(), r.max());
        }
        return dev;
    }

    static int ca3(Timetable tt, SeasonConstraint c, Ca3 r) {
        boolean[] against = tt.mask(tt.ix.teams(r.teams2(), c.id()));
        int window = r.intp();
        int dev = 0;
        for (int t : tt.ix.teams(r.teams1(), c.id())) {
            for (int start = 0; start + window <= tt.slotCount; start++) {
                int count = 0;
                for (int s = start; s < start + window; s++) {
                    count += tt.playsAgainst(t, s, r.mode(), against) ? 1 : 0;
                }
                dev += outside(count, r.min(), r.max());
            }
        }
        return dev;
    }

    static int ca4(Timetable tt, SeasonConstraint c, Ca4 r) {
        boolean[] t1 = tt.mask(tt.ix.teams(r.teams1(), c.id()));
        boolean[] t2 = tt.mask(tt.ix.teams(r.teams2(), c.id()));
        boolean every = r.spread() == Ca4.Spread.EVERY;
        int total = 0;
        int dev = 0;
        for (int s : tt.ix.slots(r.slots(), c.id())) {
            int count = 0;
            for (int h = 0; h < tt.n; h++) {
                if (tt.hosts(h, s)) {
                    int a = tt.opponent(h, s);
                    count += r.counts(t1[h], t2[h], t1[a], t2[a]) ? 1 : 0;
                }
            }
            if (every) {
                dev += outside(count, r.min(), r.max());
            }
            total += count;
        }
        return every ? dev : outside(total, r.min(), r.max());
    }
}
