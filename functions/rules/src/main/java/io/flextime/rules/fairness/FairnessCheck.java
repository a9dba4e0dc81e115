package io.flextime.rules.fairness;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Fa2;
import io.flextime.core.rules.GamesSpread;
import io.flextime.rules.evaluator.Timetable;

/** The reference checks of FA2 (OrganizationITC2021_V7 §2.4.4) and GAMES_SPREAD. */
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

    static int gamesSpread(Timetable tt, SeasonConstraint c, GamesSpread r) {
        int largest = Integer.MIN_VALUE;
        int smallest = Integer.MAX_VALUE;
        int[] teams = tt.ix.teams(r.teams(), c.id());
        for (int t : teams) {
            int count = 0;
            for (int s = 0; s < tt.slotCount; s++) {
                if (r.cover().covers(tt.ix.slots.get(s)) && tt.plays(t, s, r.mode())) {
                    count++;
                }
            }
            largest = Math.max(largest, count);
            smallest = Math.min(smallest, count);
        }
        return teams.length < 2 ? 0 : Math.max(0, largest - smallest - r.spread());
    }
}
