package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/** BR2 (RobinX breaks, OrganizationITC2021_V7 §2.4.3): the breaks of a group of teams together. */
public record Br2(List<String> teams, List<Integer> slots, int intp) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams, counted together");
    static final Param<List<Integer>> SLOTS = Param.slots("the slots whose breaks count");
    static final Param<Integer> INTP = Param.of("intp", ParamType.COUNT, "most breaks in all").required().robinX("intp");

    public static final RuleDefinition<Br2> DEFINITION = RuleDefinition.<Br2>of(ConstraintType.BR2, "breaks")
            .holds("the teams together have at most intp breaks (home or away) in slots")
            .deviation("one: breaks above intp")
            .param(TEAMS, Br2::teams).param(SLOTS, Br2::slots).param(INTP, Br2::intp)
            .build(v -> new Br2(v.get(TEAMS), v.get(SLOTS), v.get(INTP)));

    public Br2 {
        teams = List.copyOf(teams);
        slots = List.copyOf(slots);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.BR2;
    }
}
