package io.flextime.rules.placement;

import io.flextime.core.rules.FixedGame;
import io.flextime.core.rules.Ga1;
import io.flextime.rules.RuleLogic;

/** The game-placement family: RobinX GA1 (some games in some slots) and fixed games. */
public final class Placement {
    public static final RuleLogic<Ga1> GA1 = RuleLogic.of(PlacementRows::ga1, PlacementCheck::ga1)
            .scoredBy(PlacementTerms::ga1);
    public static final RuleLogic<FixedGame> FIXED_GAME = RuleLogic.of(PlacementRows::fixedGame,
            PlacementCheck::fixedGame);

    private Placement() {
    }
}
