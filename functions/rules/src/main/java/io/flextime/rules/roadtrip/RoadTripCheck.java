package io.flextime.rules.roadtrip;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.MaxRoadTrip;
import io.flextime.rules.evaluator.Timetable;

/** The reference check of MAX_ROAD_TRIP: each team's sequence, a bye keeping the trip, a home game ending it. */
final class RoadTripCheck {
    private RoadTripCheck() {
    }

    static int maxRoadTrip(Timetable tt, SeasonConstraint c, MaxRoadTrip r) {
        int dev = 0;
        for (int t : tt.ix.teams(r.teams(), c.id())) {
            int trip = 0;
            for (int s = 0; s < tt.slotCount; s++) {
                if (!tt.plays(t, s)) {
                    continue;
                }
                trip = tt.hosts(t, s) ? 0 : trip + 1;
                if (trip > r.max()) {
                    dev++;
                }
            }
        }
        return dev;
    }
}
