package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/** SE1 (RobinX separation, OrganizationITC2021_V7 §2.4.5): slots between two meetings of a pair. */
public record Se1(List<String> teams, int min) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams; every pair of them counts");
    static final Param<Integer> MIN = Param.of("min", ParamType.COUNT, "fewest slots strictly between two meetings")
            .required().robinX("min");

    public static final RuleDefinition<Se1> DEFINITION = RuleDefinition.<Se1>of(ConstraintType.SE1, "separation")
            .holds("two meetings of a pair of teams in slots s1 < s2 have at least min slots between them")
            .deviation("per pair: max(min − (s2 − s1 − 1), 0)")
            .param(TEAMS, Se1::teams).param(MIN, Se1::min)
            .build(v -> new Se1(v.get(TEAMS), v.get(MIN)));

    public Se1 {
        teams = List.copyOf(teams);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.SE1;
    }
}
