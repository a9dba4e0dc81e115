package io.flextime.export.analytics;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Two schedule versions of one season side by side: what the candidate changes against the base. */
@RegisterForReflection
public record VersionComparison(String tenant, String season, String seasonName, String base, String candidate,
        Totals totals, List<TeamDelta> teams, List<ViolationDelta> violations, List<ChangedGame> games) {

    /**
     * Whole-season figures; travel is null when a version's distances are unknown. {@code unchanged}
     * counts games with the same home, away, slot and date in both.
     */
    @RegisterForReflection
    public record Totals(Double baseTravelKm, Double candidateTravelKm, Double travelDeltaKm, int baseBreaks,
            int candidateBreaks, int breaksDelta, double basePenalty, double candidatePenalty, double penaltyDelta,
            int baseGames, int candidateGames, int unchanged, int moved, int flipped, int added, int removed) {
    }

    /** One team's travel and breaks in each version; null where the team or its distance is missing in a version. */
    @RegisterForReflection
    public record TeamDelta(String team, String name, Double baseTravelKm, Double candidateTravelKm, Double travelDeltaKm,
            Integer baseBreaks, Integer candidateBreaks, Integer breaksDelta) {
    }

    /** Penalty (deviation × weight) of one soft constraint in each version (0 where it was not violated). */
    @RegisterForReflection
    public record ViolationDelta(String constraint, double base, double candidate, double delta) {
    }
}
