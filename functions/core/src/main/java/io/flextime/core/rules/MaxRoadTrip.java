package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/**
 * Consecutive away games of a team (FlexTime extension). A bye does not end a road trip (the team stays
 * on the road, as in travel); a home game does.
 */
public record MaxRoadTrip(List<String> teams, int max) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams, each on its own");
    static final Param<Integer> MAX = Param.of("max", ParamType.COUNT, "most consecutive away games").required();

    public static final RuleDefinition<MaxRoadTrip> DEFINITION = RuleDefinition.<MaxRoadTrip>of(ConstraintType.MAX_ROAD_TRIP, "roadtrip")
            .holds("at most max consecutive away games; a bye does not end a trip, a home game does")
            .deviation("away games played while the trip already holds max")
            .param(TEAMS, MaxRoadTrip::teams).param(MAX, MaxRoadTrip::max)
            .build(v -> new MaxRoadTrip(v.get(TEAMS), v.get(MAX)));

    public MaxRoadTrip {
        teams = List.copyOf(teams);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.MAX_ROAD_TRIP;
    }
}
