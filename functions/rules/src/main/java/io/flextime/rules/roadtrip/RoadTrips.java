package io.flextime.rules.roadtrip;

import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.MaxRoadTrip;
import io.flextime.rules.RuleLogic;

/** The road-trip family: consecutive away games of a team. */
public final class RoadTrips {
    public static final RuleLogic<MaxRoadTrip> MAX_ROAD_TRIP = RuleLogic.of(RoadTripRows::maxRoadTrip,
            RoadTripCheck::maxRoadTrip).reversibleWhen(r -> true).tripLimit(RoadTrips::tripLimit);

    private RoadTrips() {
    }

    private static int tripLimit(SeasonIndex ix, MaxRoadTrip r, int t) {
        for (int x : ix.teams(r.teams(), "MAX_ROAD_TRIP")) {
            if (x == t) {
                return r.max();
            }
        }
        return -1;
    }
}
