package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;

/** A team that cannot play (home, away or at all) on some slots, dates or weekdays (FlexTime extension). */
public record TeamUnavailable(String team, SlotCover cover, Mode mode) implements Rule {
    static final Param<String> TEAM = Param.of("team", ParamType.TEAM_ID, "the team").required();
    static final Param<Mode> MODE = Param.of("mode", ParamType.choice(Mode.values()),
            "the games excluded: home (H), away (A) or all (HA)").orElse(Mode.HA, "HA");

    public static final RuleDefinition<TeamUnavailable> DEFINITION = RuleDefinition.<TeamUnavailable>of(
                    ConstraintType.TEAM_UNAVAILABLE, "calendar")
            .holds("team plays no game of mode in the covered slots")
            .deviation("such games")
            .param(TEAM, TeamUnavailable::team).cover(TeamUnavailable::cover).param(MODE, TeamUnavailable::mode)
            .build(v -> new TeamUnavailable(v.get(TEAM), SlotCover.of(v), v.get(MODE)));

    @Override
    public ConstraintType type() {
        return ConstraintType.TEAM_UNAVAILABLE;
    }
}
