package io.flextime.rules.breaks;

import io.flextime.core.rules.Br1;
import io.flextime.core.rules.Br2;
import io.flextime.rules.RuleLogic;

/**
 * The break family: RobinX BR1 and BR2. Left out of the feasibility probe: their break indicators are
 * most of a model's size, and leaving rules out keeps the probe's "infeasible" a proof.
 */
public final class Breaks {
    public static final RuleLogic<Br1> BR1 = RuleLogic.of(BreakRows::br1, BreakCheck::br1)
            .scoredBy(BreakTerms::br1).notProbed();
    public static final RuleLogic<Br2> BR2 = RuleLogic.of(BreakRows::br2, BreakCheck::br2)
            .scoredBy(BreakTerms::br2).notProbed().reversibleWhen(r -> r.slots().isEmpty());

    private Breaks() {
    }
}
