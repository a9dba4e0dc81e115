package io.flextime.rules.calendar;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.MinRestDays;
import io.flextime.core.rules.TeamUnavailable;
import io.flextime.rules.evaluator.Timetable;

/** The reference check of TEAM_UNAVAILABLE and MIN_REST_DAYS. */
final class CalendarCheck {
    private CalendarCheck() {
    }

    static int teamUnavailable(Timetable tt, SeasonConstraint c, TeamUnavailable r) {
        int t = tt.ix.team(r.team(), c.id());
        int count = 0;
        for (int s = 0; s < tt.slotCount; s++) {
            if (r.cover().covers(tt.ix.slots.get(s)) && tt.plays(t, s, r.mode())) {
                count++;
            }
        }
        return count;
    }

    static int minRestDays(Timetable tt, SeasonConstraint c, MinRestDays r) {
        int dev = 0;
        for (int t : tt.ix.teams(r.teams(), c.id())) {
            dev += tt.closeGames(t, r.days(), true);
        }
        return dev;
    }
}
