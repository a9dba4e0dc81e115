package io.flextime.solve.model;

import io.flextime.core.model.ConstraintParams;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Team;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FlexTime's calendar extensions. A slot is "covered" by a list of slot indexes, ISO dates or weekdays
 * when its index, date or date's weekday is listed.
 * <ul>
 *   <li>VENUE_UNAVAILABLE: no home game of a team based at venue in covered slots; deviation = such games.</li>
 *   <li>TEAM_UNAVAILABLE: team plays no game of mode (H, A, HA; default HA) in covered slots; deviation = such games.</li>
 *   <li>SHARED_VENUE: on each date (each slot when undated) at most one of teams (default: the teams based
 *       at venue) plays at home; deviation per date = home games there above one.</li>
 *   <li>MIN_REST_DAYS: two games of a team of teams lie at least days calendar days apart; deviation =
 *       pairs of its games closer than that.</li>
 * </ul>
 */
public final class CalendarConstraints {
    private CalendarConstraints() {
    }

    /** Slots covered by the 'slots', 'dates' and 'weekdays' parameters (all slots when none is given). */
    static List<Integer> covered(SeasonModel m, ConstraintParams p, SeasonConstraint c) {
        Set<Integer> indexes = new HashSet<>(p.integers("slots"));
        Set<LocalDate> dates = new HashSet<>(p.dates("dates"));
        Set<DayOfWeek> weekdays = new HashSet<>(p.weekdays("weekdays"));
        boolean all = indexes.isEmpty() && dates.isEmpty() && weekdays.isEmpty();
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < m.ix.slotCount; s++) {
            LocalDate d = m.ix.date(s);
            if (all || indexes.contains(m.ix.slotIndex(s)) || (d != null && (dates.contains(d) || weekdays.contains(d.getDayOfWeek())))) {
                out.add(s);
            }
        }
        return out;
    }

    public static void venueUnavailable(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        String venue = p.strings("venue").get(0);
        LinearExprBuilder e = LinearExpr.newBuilder();
        int terms = 0;
        for (int s : covered(m, p, c)) {
            for (int t = 0; t < m.ix.n; t++) {
                if (venue.equals(m.ix.teams.get(t).venueId())) {
                    e.add(m.home[t][s]);
                    terms++;
                }
            }
        }
        m.limit(c, e, 0, 0, terms);
    }

    public static void teamUnavailable(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        int t = m.ix.team(p.strings("team").get(0), c.id());
        String mode = p.text("mode", "HA");
        LinearExprBuilder e = LinearExpr.newBuilder();
        int terms = 0;
        for (int s : covered(m, p, c)) {
            e.add(m.games(t, s, mode));
            terms++;
        }
        m.limit(c, e, 0, 0, terms);
    }

    public static void sharedVenue(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        int[] teams;
        if (p.has("teams")) {
            teams = m.ix.teams(p.strings("teams"), c.id());
        } else {
            String venue = p.strings("venue").get(0);
            List<Integer> at = new ArrayList<>();
            for (int t = 0; t < m.ix.n; t++) {
                Team team = m.ix.teams.get(t);
                if (venue.equals(team.venueId())) {
                    at.add(t);
                }
            }
            teams = at.stream().mapToInt(Integer::intValue).toArray();
        }
        Map<Object, List<Integer>> byDate = new LinkedHashMap<>();
        for (int s = 0; s < m.ix.slotCount; s++) {
            Object key = m.ix.date(s) != null ? m.ix.date(s) : (Object) ("slot" + s);
            byDate.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        for (List<Integer> group : byDate.values()) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int s : group) {
                for (int t : teams) {
                    e.add(m.home[t][s]);
                }
            }
            m.limit(c, e, 0, 1, (long) teams.length * group.size());
        }
    }

    public static void minRestDays(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        int days = p.integer("days");
        int[] teams = m.ix.teams(p.strings("teams"), c.id());
        for (int s = 0; s < m.ix.slotCount; s++) {
            for (int u = s + 1; u < m.ix.slotCount; u++) {
                LocalDate a = m.ix.date(s);
                LocalDate b = m.ix.date(u);
                boolean tooClose = a != null && b != null ? Math.abs(ChronoUnit.DAYS.between(a, b)) < days : u - s < days;
                if (!tooClose) {
                    continue;
                }
                for (int t : teams) {
                    m.limit(c, LinearExpr.newBuilder().add(m.playsExpr(t, s)).add(m.playsExpr(t, u)), 0, 1, 2);
                }
            }
        }
    }
}
