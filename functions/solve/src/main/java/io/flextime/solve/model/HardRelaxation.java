package io.flextime.solve.model;

import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import java.util.List;

/**
 * The season with every hard constraint turned into a soft one of penalty 1 and the soft ones dropped,
 * weighted so only violations count. Its optimum is 0 exactly when the season is feasible; CP-SAT finds
 * relaxed schedules at once and its local search then repairs them, which reaches feasibility on tightly
 * constrained seasons far sooner than searching the hard model directly.
 */
public final class HardRelaxation {
    public static final ObjectiveWeights VIOLATIONS_ONLY = new ObjectiveWeights(0.0, 1.0);

    private HardRelaxation() {
    }

    public static Season of(Season season) {
        List<SeasonConstraint> softened = season.constraints().stream().filter(SeasonConstraint::hard)
                .map(c -> c.withHardness(false, 1)).toList();
        return new Season(season.season(), season.name(), season.sport(), season.start(), season.end(), season.timeZone(),
                season.format(), VIOLATIONS_ONLY, false, season.teams(), season.venues(), season.slots(), softened,
                season.matchups(), season.distances());
    }
}
