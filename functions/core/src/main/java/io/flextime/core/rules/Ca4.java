package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.util.List;

/**
 * CA4 (RobinX capacity, OrganizationITC2021_V7 §2.4.1): games between two groups, together. A game
 * counts once when one side is in teams1 and the other in teams2, seen from teams1 (mode1).
 */
public record Ca4(List<String> teams1, List<String> teams2, List<Integer> slots, Mode mode, Spread spread, int min, int max)
        implements Rule {

    /** Over all the slots together (GLOBAL) or in each slot on its own (EVERY). */
    public enum Spread { GLOBAL, EVERY }

    static final Param<List<String>> TEAMS1 = Param.teams("teams1", "one side of the games counted");
    static final Param<List<String>> TEAMS2 = Param.teams("teams2", "the other side");
    static final Param<List<Integer>> SLOTS = Param.slots("the slots counted");
    static final Param<Mode> MODE = Param.of("mode1", ParamType.choice(Mode.values()),
            "teams1 at home (H), away (A) or either (HA)").alias("mode").required().robinX("mode1");
    static final Param<Spread> SPREAD = Param.of("mode2", ParamType.choice(Spread.values()),
            "count over all slots together (GLOBAL) or in each slot (EVERY)").orElse(Spread.GLOBAL, "GLOBAL").robinX("mode2");
    static final Param<Integer> MIN = RuleCatalogue.min("fewest such games");
    static final Param<Integer> MAX = RuleCatalogue.max("most such games");

    public static final RuleDefinition<Ca4> DEFINITION = RuleDefinition.<Ca4>of(ConstraintType.CA4, "capacity")
            .holds("games (i, j), i in teams1 at home (H), away (A) or either (HA) against j in teams2, each counted once: "
                    + "between min and max over slots (GLOBAL) or in each slot of slots (EVERY)")
            .deviation("one (GLOBAL) or per slot (EVERY): games above max or below min")
            .param(TEAMS1, Ca4::teams1).param(TEAMS2, Ca4::teams2).param(SLOTS, Ca4::slots).param(MODE, Ca4::mode)
            .param(SPREAD, Ca4::spread).param(MIN, Ca4::min).param(MAX, Ca4::max)
            .atLeastOne(MIN, MAX).minAtMostMax(MIN, MAX)
            .build(v -> new Ca4(v.get(TEAMS1), v.get(TEAMS2), v.get(SLOTS), v.get(MODE), v.get(SPREAD), v.get(MIN), v.get(MAX)));

    public Ca4 {
        teams1 = List.copyOf(teams1);
        teams2 = List.copyOf(teams2);
        slots = List.copyOf(slots);
    }

    /** Whether a game of {@code home} hosting {@code away} counts, given who is in teams1 and teams2. */
    public boolean counts(boolean homeIn1, boolean homeIn2, boolean awayIn1, boolean awayIn2) {
        return switch (mode) {
            case H -> homeIn1 && awayIn2;
            case A -> awayIn1 && homeIn2;
            case HA -> (homeIn1 && awayIn2) || (awayIn1 && homeIn2);
        };
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.CA4;
    }
}
