package io.flextime.rules.separation;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Se1;
import io.flextime.rules.evaluator.Timetable;

/** The reference check of SE1 (OrganizationITC2021_V7 §2.4.5): each pair's consecutive meetings. */
final class SeparationCheck {
    private SeparationCheck() {
    }

    static int se1(Timetable tt, SeasonConstraint c, Se1 r) {
        int[] teams = tt.ix.teams(r.teams(), c.id());
        int dev = 0;
        for (int i = 0; i < teams.length; i++) {
            for (int j = i + 1; j < teams.length; j++) {
                int previous = -1;
                for (int s = 0; s < tt.slotCount; s++) {
                    if (tt.opponent(teams[i], s) == teams[j]) {
                        if (previous >= 0) {
                            dev += Math.max(0, r.min() - (s - previous - 1));
                        }
                        previous = s;
                    }
                }
            }
        }
        return dev;
    }
}
