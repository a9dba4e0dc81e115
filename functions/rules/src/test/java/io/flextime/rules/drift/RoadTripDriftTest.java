package io.flextime.rules.drift;

import static io.flextime.rules.drift.RandomSeasons.teams;

import io.flextime.core.rules.MaxRoadTrip;
import java.util.List;

/**
 * MAX_ROAD_TRIP (road trips): rows (the window form in compact seasons, the trip counter with byes),
 * reference check and probe agree (no cost term).
 */
class RoadTripDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of((r, s) -> new MaxRoadTrip(teams(r, s), 1 + r.nextInt(3)));
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.compact(4), RandomSeasons.Shape.relaxed(4, 4, false), RandomSeasons.Shape.compact(6),
                RandomSeasons.Shape.relaxed(6, 3, true));
    }
}
