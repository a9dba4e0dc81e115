package io.flextime.rules.calendar;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.MinRestDays;
import io.flextime.core.rules.TeamUnavailable;
import io.flextime.rules.model.SeasonModel;

/**
 * TEAM_UNAVAILABLE: team plays no game of mode (H, A, HA; default HA) in covered slots; deviation =
 * such games. MIN_REST_DAYS: two games of a team of teams lie at least days calendar days apart (slot
 * distance when undated); deviation = pairs of its games closer than that.
 */
final class CalendarRows {
    private CalendarRows() {
    }

    static void teamUnavailable(SeasonModel m, SeasonConstraint c, TeamUnavailable r) {
        int t = m.ix.team(r.team(), c.id());
        LinearExprBuilder e = LinearExpr.newBuilder();
        int terms = 0;
        for (int s : m.ix.covered(r.cover())) {
            e.add(m.games(t, s, r.mode()));
            terms++;
        }
        m.limit(c, e, 0, 0, terms);
    }

    static void minRestDays(SeasonModel m, SeasonConstraint c, MinRestDays r) {
        int[] teams = m.ix.teams(r.teams(), c.id());
        for (int s = 0; s < m.ix.slotCount; s++) {
            for (int u = s + 1; u < m.ix.slotCount; u++) {
                if (!RestDays.tooClose(m.ix, s, u, r.days())) {
                    continue;
                }
                for (int t : teams) {
                    m.limit(c, LinearExpr.newBuilder().add(m.playsExpr(t, s)).add(m.playsExpr(t, u)), 0, 1, 2);
                }
            }
        }
    }
}
