package io.flextime.rules.fairness;

import io.flextime.core.rules.Fa2;
import io.flextime.rules.RuleLogic;

/**
 * The fairness family: RobinX FA2, home games balanced along the season. Left out of the feasibility
 * probe (a row per pair of teams and slot; leaving rules out keeps the probe's "infeasible" a proof).
 */
public final class Fairness {
    public static final RuleLogic<Fa2> FA2 = RuleLogic.of(FairnessRows::fa2, FairnessCheck::fa2)
            .scoredBy(HomeBalance::fa2).notProbed();

    private Fairness() {
    }
}
