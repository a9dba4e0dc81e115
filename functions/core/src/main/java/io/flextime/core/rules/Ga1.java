package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/** GA1 (RobinX game placement, OrganizationITC2021_V7 §2.4.2): how many of some games fall in some slots. */
public record Ga1(List<Meeting> meetings, List<Integer> slots, int min, int max) implements Rule {
    static final Param<List<Meeting>> MEETINGS = Param.of("meetings", ParamType.MEETINGS, "the games: home team hosts away team")
            .required().robinX("meetings");
    static final Param<List<Integer>> SLOTS = Param.slots("the slots counted");
    static final Param<Integer> MIN = RuleCatalogue.min("fewest of the meetings in slots");
    static final Param<Integer> MAX = RuleCatalogue.max("most of the meetings in slots");

    public static final RuleDefinition<Ga1> DEFINITION = RuleDefinition.<Ga1>of(ConstraintType.GA1, "placement")
            .holds("between min and max of the meetings take place in slots")
            .deviation("one: meetings above max or below min")
            .param(MEETINGS, Ga1::meetings).param(SLOTS, Ga1::slots).param(MIN, Ga1::min).param(MAX, Ga1::max)
            .atLeastOne(MIN, MAX).minAtMostMax(MIN, MAX)
            .build(v -> new Ga1(v.get(MEETINGS), v.get(SLOTS), v.get(MIN), v.get(MAX)));

    public Ga1 {
        meetings = List.copyOf(meetings);
        slots = List.copyOf(slots);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.GA1;
    }
}
