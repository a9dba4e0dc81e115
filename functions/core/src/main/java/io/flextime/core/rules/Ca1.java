package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/**
 * CA1 (RobinX capacity, OrganizationITC2021_V7 §2.4.1). The mode must be given, as RobinX has it: "a
 * team's games" could mean home games or all games, and the two readings schedule very differently.
 */
public record Ca1(List<String> teams, List<Integer> slots, Mode mode, int min, int max) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams, each counted on its own");
    static final Param<List<Integer>> SLOTS = Param.slots("the slots counted");
    static final Param<Mode> MODE = Param.of("mode", ParamType.choice(Mode.values()),
            "the games counted: home (H), away (A) or both (HA)").alias("mode1").required().robinX("mode");
    static final Param<Integer> MIN = RuleCatalogue.min("fewest games of each team");
    static final Param<Integer> MAX = RuleCatalogue.max("most games of each team");

    public static final RuleDefinition<Ca1> DEFINITION = RuleDefinition.<Ca1>of(ConstraintType.CA1, "capacity")
            .holds("each team plays between min and max games of mode in slots")
            .deviation("per team: games above max or below min")
            .param(TEAMS, Ca1::teams).param(SLOTS, Ca1::slots).param(MODE, Ca1::mode).param(MIN, Ca1::min).param(MAX, Ca1::max)
            .atLeastOne(MIN, MAX).minAtMostMax(MIN, MAX)
            .build(v -> new Ca1(v.get(TEAMS), v.get(SLOTS), v.get(MODE), v.get(MIN), v.get(MAX)));

    public Ca1 {
        teams = List.copyOf(teams);
        slots = List.copyOf(slots);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.CA1;
    }
}
