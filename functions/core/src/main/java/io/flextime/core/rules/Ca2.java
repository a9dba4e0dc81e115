package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/** CA2 (RobinX capacity, OrganizationITC2021_V7 §2.4.1): games of each team against a group. */
public record Ca2(List<String> teams1, List<String> teams2, List<Integer> slots, Mode mode, int min, int max) implements Rule {
    static final Param<List<String>> TEAMS1 = Param.teams("teams1", "the teams, each counted on its own");
    static final Param<List<String>> TEAMS2 = Param.teams("teams2", "the opponents whose games count");
    static final Param<List<Integer>> SLOTS = Param.slots("the slots counted");
    static final Param<Mode> MODE = Param.of("mode1", ParamType.choice(Mode.values()),
            "the games counted, seen from teams1: home (H), away (A) or both (HA)").alias("mode").required().robinX("mode1");
    static final Param<Integer> MIN = RuleCatalogue.min("fewest such games of each team");
    static final Param<Integer> MAX = RuleCatalogue.max("most such games of each team");

    public static final RuleDefinition<Ca2> DEFINITION = RuleDefinition.<Ca2>of(ConstraintType.CA2, "capacity")
            .holds("each team of teams1 plays between min and max games of mode1 against teams2 in slots")
            .deviation("per team of teams1: games above max or below min")
            .param(TEAMS1, Ca2::teams1).param(TEAMS2, Ca2::teams2).param(SLOTS, Ca2::slots).param(MODE, Ca2::mode)
            .param(MIN, Ca2::min).param(MAX, Ca2::max)
            .atLeastOne(MIN, MAX).minAtMostMax(MIN, MAX)
            .build(v -> new Ca2(v.get(TEAMS1), v.get(TEAMS2), v.get(SLOTS), v.get(MODE), v.get(MIN), v.get(MAX)));

    public Ca2 {
        teams1 = List.copyOf(teams1);
        teams2 = List.copyOf(teams2);
        slots = List.copyOf(slots);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.CA2;
    }
}
