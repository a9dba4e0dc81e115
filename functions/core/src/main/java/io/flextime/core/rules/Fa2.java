package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/** FA2 (RobinX fairness, OrganizationITC2021_V7 §2.4.4): home games stay balanced along the season. */
public record Fa2(List<String> teams, List<Integer> slots, int intp) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams, compared pair by pair");
    static final Param<List<Integer>> SLOTS = Param.slots("the slots after which the counts are compared");
    static final Param<Integer> INTP = Param.of("intp", ParamType.COUNT, "largest difference allowed").required().robinX("intp");

    public static final RuleDefinition<Fa2> DEFINITION = RuleDefinition.<Fa2>of(ConstraintType.FA2, "fairness")
            .holds("after each slot of slots, the home-game counts of any two teams differ by at most intp")
            .deviation("per pair: the largest excess over slots")
            .param(TEAMS, Fa2::teams).param(SLOTS, Fa2::slots).param(INTP, Fa2::intp)
            .build(v -> new Fa2(v.get(TEAMS), v.get(SLOTS), v.get(INTP)));

    public Fa2 {
        teams = List.copyOf(teams);
        slots = List.copyOf(slots);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.FA2;
    }
}
