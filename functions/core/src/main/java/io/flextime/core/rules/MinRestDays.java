package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/** Days between two games of a team (FlexTime extension). */
public record MinRestDays(List<String> teams, int days) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams, each on its own");
    static final Param<Integer> DAYS = Param.of("days", ParamType.COUNT, "fewest days between two games (date difference)")
            .required();

    public static final RuleDefinition<MinRestDays> DEFINITION = RuleDefinition.<MinRestDays>of(ConstraintType.MIN_REST_DAYS, "calendar")
            .holds("two games of a team are at least days apart (slot distance when undated)")
            .deviation("pairs of games closer than that")
            .param(TEAMS, MinRestDays::teams).param(DAYS, MinRestDays::days)
            .build(v -> new MinRestDays(v.get(TEAMS), v.get(DAYS)));

    public MinRestDays {
        teams = List.copyOf(teams);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.MIN_REST_DAYS;
    }
}
