package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/**
 * BR1 (RobinX breaks, OrganizationITC2021_V7 §2.4.3). A team has a break in slot s when it plays in s−1
 * and in s with the same home/away status; the first slot never holds one.
 */
public record Br1(List<String> teams, List<Integer> slots, Mode mode, int intp) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams, each counted on its own");
    static final Param<List<Integer>> SLOTS = Param.slots("the slots whose breaks count");
    static final Param<Mode> MODE = Param.of("mode2", ParamType.choice(Mode.values()),
            "home breaks (H), away breaks (A) or both (HA)").alias("mode").orElse(Mode.HA, "HA").robinX("mode2");
    static final Param<Integer> INTP = Param.of("intp", ParamType.COUNT, "most breaks of each team").required().robinX("intp");

    public static final RuleDefinition<Br1> DEFINITION = RuleDefinition.<Br1>of(ConstraintType.BR1, "breaks")
            .holds("each team has at most intp breaks of mode2 in slots")
            .deviation("per team: breaks above intp")
            .param(TEAMS, Br1::teams).param(SLOTS, Br1::slots).param(MODE, Br1::mode).param(INTP, Br1::intp)
            .build(v -> new Br1(v.get(TEAMS), v.get(SLOTS), v.get(MODE), v.get(INTP)));

    public Br1 {
        teams = List.copyOf(teams);
        slots = List.copyOf(slots);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.BR1;
    }
}
