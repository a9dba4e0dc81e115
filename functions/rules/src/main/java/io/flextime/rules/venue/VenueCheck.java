package io.flextime.rules.venue;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.SharedVenue;
import io.flextime.core.rules.VenueUnavailable;
import io.flextime.rules.evaluator.Timetable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference check of VENUE_UNAVAILABLE and SHARED_VENUE. */
final class VenueCheck {
    private VenueCheck() {
    }

    static int venueUnavailable(Timetable tt, SeasonConstraint c, VenueUnavailable r) {
        int count = 0;
        for (int s = 0; s < tt.slotCount; s++) {
            if (!r.cover().covers(tt.ix.slots.get(s))) {
                continue;
            }
            for (int t = 0; t < tt.n; t++) {
                if (r.venue().equals(tt.ix.teams.get(t).venueId()) && tt.hosts(t, s)) {
                    count++;
                }
            }
        }
        return count;
    }

    static int sharedVenue(Timetable tt, SeasonConstraint c, SharedVenue r) {
        List<String> sharing = r.sharing(tt.ix.teams);
        Map<Object, Integer> homeGamesPerDay = new LinkedHashMap<>();
        for (int s = 0; s < tt.slotCount; s++) {
            Object day = tt.ix.date(s) != null ? tt.ix.date(s) : (Object) ("slot" + s);
            homeGamesPerDay.putIfAbsent(day, 0);
            for (String id : sharing) {
                if (tt.hosts(tt.ix.team(id, c.id()), s)) {
                    homeGamesPerDay.merge(day, 1, Integer::sum);
                }
            }
        }
        return homeGamesPerDay.values().stream().mapToInt(k -> Math.max(0, k - 1)).sum();
    }
}
