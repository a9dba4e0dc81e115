package io.flextime.rules.separation;

import io.flextime.core.rules.Se1;
import io.flextime.rules.RuleLogic;

/** The separation family: RobinX SE1, slots between two meetings of a pair. */
public final class Separation {
    public static final RuleLogic<Se1> SE1 = RuleLogic.of(SeparationRows::se1, SeparationCheck::se1)
            .scoredBy(SeparationTerm::se1).reversibleWhen(r -> true);

    private Separation() {
    }
}
