package io.flextime.rules.venue;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.SharedVenue;
import io.flextime.core.rules.VenueUnavailable;
import io.flextime.rules.model.SeasonModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VENUE_UNAVAILABLE: no home game of a team based at venue in covered slots; deviation = such games.
 * SHARED_VENUE: on each date (each slot when undated) at most one of the sharing teams plays at home;
 * deviation per date = home games there above one.
 */
final class VenueRows {
    private VenueRows() {
    }

    static void venueUnavailable(SeasonModel m, SeasonConstraint c, VenueUnavailable r) {
        LinearExprBuilder e = LinearExpr.newBuilder();
        int terms = 0;
        for (int s : m.ix.covered(r.cover())) {
            for (int t = 0; t < m.ix.n; t++) {
                if (r.venue().equals(m.ix.teams.get(t).venueId())) {
                    e.add(m.home[t][s]);
                    terms++;
                }
            }
        }
        m.limit(c, e, 0, 0, terms);
    }

    static void sharedVenue(SeasonModel m, SeasonConstraint c, SharedVenue r) {
        // the sharing teams exactly: none based at the venue is no team, not "every team"
        int[] teams = r.sharing(m.ix.teams).stream().mapToInt(id -> m.ix.team(id, c.id())).distinct().toArray();
        for (List<Integer> day : days(m)) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int s : day) {
                for (int t : teams) {
                    e.add(m.home[t][s]);
                }
            }
            m.limit(c, e, 0, 1, (long) teams.length * day.size());
        }
    }

    /** The slots grouped by date (each undated slot on its own). */
    static List<List<Integer>> days(SeasonModel m) {
        Map<Object, List<Integer>> byDate = new LinkedHashMap<>();
        for (int s = 0; s < m.ix.slotCount; s++) {
            Object key = m.ix.date(s) != null ? m.ix.date(s) : (Object) ("slot" + s);
            byDate.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        return new ArrayList<>(byDate.values());
    }
}
