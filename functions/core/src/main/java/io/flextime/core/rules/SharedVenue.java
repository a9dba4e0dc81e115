package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Team;
import java.util.List;

/** Teams sharing an arena (men's and women's basketball): one home game per day there (FlexTime extension). */
public record SharedVenue(List<String> teams, String venue) implements Rule {
    static final Param<List<String>> TEAMS = Param.of("teams", ParamType.TEAM_IDS, "the teams sharing the venue")
            .orElse(List.of(), "the teams based at venue");
    static final Param<String> VENUE = Param.of("venue", ParamType.VENUE_ID, "the shared venue");

    public static final RuleDefinition<SharedVenue> DEFINITION = RuleDefinition.<SharedVenue>of(ConstraintType.SHARED_VENUE, "venue")
            .holds("at most one of the teams plays at home per date (per slot when undated)")
            .deviation("per date: home games above one")
            .param(TEAMS, SharedVenue::teams).param(VENUE, SharedVenue::venue)
            .atLeastOne(TEAMS, VENUE)
            .build(v -> new SharedVenue(v.get(TEAMS), v.get(VENUE)));

    public SharedVenue {
        teams = List.copyOf(teams);
    }

    /** The sharing teams: those listed, else those based at the venue. */
    public List<String> sharing(List<Team> seasonTeams) {
        if (!teams.isEmpty()) {
            return teams;
        }
        return seasonTeams.stream().filter(t -> venue != null && venue.equals(t.venueId())).map(Team::id).toList();
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.SHARED_VENUE;
    }
}
