package io.flextime.export.analytics;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The analytics of one schedule version: totals, the home/away/bye grid, travel and breaks per team,
 * and the soft-rule penalties per constraint the solver recorded.
 *
 * @param travelFrom     {@code solver} when per-team travel comes from the version's metrics, else
 *                       {@code recomputed} (from the season's distances)
 * @param breaksFrom     the same for breaks
 * @param totalTravelKm  sum over the teams whose travel is known; null when none is
 * @param violations     penalty (deviation × weight) per constraint id, as recorded by the solver
 */
@RegisterForReflection
public record VersionFigures(String tenant, String season, String seasonName, String scheduleVersionId, String status,
        Double objective, Instant createdAt, int games, Double totalTravelKm, int totalBreaks, double totalPenalty,
        String travelFrom, String breaksFrom, List<SlotColumn> slots, List<TeamFigures> teams, Map<String, Double> violations) {

    public static final String SOLVER = "solver";
    public static final String RECOMPUTED = "recomputed";
}
