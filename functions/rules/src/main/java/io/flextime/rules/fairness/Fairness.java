package io.flextime.rules.fairness;

import io.flextime.core.rules.Fa2;
import io.flextime.core.rules.GamesSpread;
import io.flextime.rules.RuleLogic;

/**
 * The fairness family: RobinX FA2, home games balanced along the season, left out of the feasibility
 * probe (a row per pair of teams and slot; leaving rules out keeps the probe's "infeasible" a proof);
 * GAMES_SPREAD, games in some slots spread evenly over the teams (a few rows: probed). GAMES_SPREAD has
 * no annealing term: it is a calendar rule (the calendar search scores it, over all teams' counts).
 */
public final class Fairness {
    public static final RuleLogic<Fa2> FA2 = RuleLogic.of(FairnessRows::fa2, FairnessCheck::fa2)
            .scoredBy(HomeBalance::fa2).notProbed();
    public static final RuleLogic<GamesSpread> GAMES_SPREAD = RuleLogic.of(FairnessRows::gamesSpread, FairnessCheck::gamesSpread);

    private Fairness() {
    }
}
