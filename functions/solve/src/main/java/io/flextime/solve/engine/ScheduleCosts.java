package io.flextime.solve.engine;

import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.cost.ConstraintCost;
import io.flextime.rules.cost.ScheduleCost;
import java.util.Optional;
import java.util.function.Supplier;

/** Which cost the annealing minimizes for a season, if one scores it exactly. */
final class ScheduleCosts {
    private ScheduleCosts() {
    }

    /**
     * Fresh costs (one per annealing thread) for {@code season} under {@code weights}, when it has a shape
     * one of them scores exactly: a travel tournament, else a round robin under rules their families score.
     */
    static Optional<Supplier<ScheduleCost>> forSeason(Season season, SeasonIndex ix, ObjectiveWeights weights) {
        return TravelTournamentCost.of(season, ix, weights).or(() -> ConstraintCost.of(season, ix, weights));
    }
}
