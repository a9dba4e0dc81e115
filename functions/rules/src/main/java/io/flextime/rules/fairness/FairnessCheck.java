package io.flextime.rules.fairness;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Fa2;
import io.flextime.rules.evaluator.Timetable;

/** The reference check of FA2 (OrganizationITC2021_V7 §2.4.4). */
final class FairnessCheck {
    private FairnessCheck() {
    }

    static int fa2(Timetable tt, SeasonConstraint c, Fa2 r) {
        int[] teams = tt.ix.teams(r.teams(), c.id());
        boolean[] checked = new boolean[tt.slotCount];
        for (int s : tt.ix.slots(r.slots(), c.id())) {
            checked[s] = true;
        }
        int dev = 0;
        for (int i = 0; i < teams.length; i++) {
            for (int j = i + 1; j < teams.length; j++) {
                int hi = 0;
                int hj = 0;
                int worst = 0;
                for (int s = 0; s < tt.slotCount; s++) {
                    hi += tt.hosts(teams[i], s) ? 1 : 0;
                    hj += tt.hosts(teams[j], s) ? 1 : 0;
                    if (checked[s]) {
                        worst = Math.max(worst, Math.abs(hi - hj) - r.intp());
                    }
                }
                dev += worst;
            }
        }
        return dev;
    }
}
