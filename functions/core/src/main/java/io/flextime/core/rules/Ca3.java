package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/** CA3 (RobinX capacity, OrganizationITC2021_V7 §2.4.1): games against a group in every window of slots. */
public record Ca3(List<String> teams1, List<String> teams2, int intp, Mode mode, int min, int max) implements Rule {
    static final Param<List<String>> TEAMS1 = Param.teams("teams1", "the teams, each counted on its own");
    static final Param<List<String>> TEAMS2 = Param.teams("teams2", "the opponents whose games count");
    static final Param<Integer> INTP = Param.of("intp", ParamType.COUNT, "window length, in consecutive slots").required()
            .robinX("intp");
    static final Param<Mode> MODE = Param.of("mode1", ParamType.choice(Mode.values()),
            "the games counted, seen from teams1: home (H), away (A) or both (HA)").alias("mode").required().robinX("mode1");
    static final Param<Integer> MIN = RuleCatalogue.min("fewest such games in each window");
    static final Param<Integer> MAX = RuleCatalogue.max("most such games in each window");

    public static final RuleDefinition<Ca3> DEFINITION = RuleDefinition.<Ca3>of(ConstraintType.CA3, "capacity")
            .holds("each team of teams1 plays between min and max games of mode1 against teams2 in every window of intp consecutive slots")
            .deviation("per team of teams1 and window: games above max or below min")
            .param(TEAMS1, Ca3::teams1).param(TEAMS2, Ca3::teams2).param(INTP, Ca3::intp).param(MODE, Ca3::mode)
            .param(MIN, Ca3::min).param(MAX, Ca3::max)
            .atLeastOne(MIN, MAX).minAtMostMax(MIN, MAX)
            .check(List.of(INTP), v -> v.get(INTP) >= 1, v -> v == null ? "intp ≥ 1" : "intp: a window holds at least one slot")
            .build(v -> new Ca3(v.get(TEAMS1), v.get(TEAMS2), v.get(INTP), v.get(MODE), v.get(MIN), v.get(MAX)));

    public Ca3 {
        teams1 = List.copyOf(teams1);
        teams2 = List.copyOf(teams2);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.CA3;
    }
}
