package io.flextime.rules.evaluator;

import java.util.List;
import java.util.Map;

/**
 * What the evaluator found in a schedule.
 *
 * @param structureErrors  broken format rules (a team twice in a slot, a missing meeting, …)
 * @param hardDeviations   deviation per violated hard constraint id
 * @param softPenalties    penalty × deviation per soft constraint id (only non-zero ones)
 * @param travelKm         km per team id (each leg rounded to whole metres, as the model)
 * @param breaks           home + away breaks per team id
 * @param objective        travel weight × Σ km + penalty weight × Σ soft penalties
 */
public record Evaluation(List<String> structureErrors, Map<String, Integer> hardDeviations,
        Map<String, Double> softPenalties, Map<String, Double> travelKm, Map<String, Integer> breaks,
        double totalKm, double totalPenalty, double objective) {

    public boolean feasible() {
        return structureErrors.isEmpty() && hardDeviations.isEmpty();
    }

    /** One line naming what is wrong, for error messages. */
    public String describeInfeasibility() {
        return "structure " + structureErrors + ", hard deviations " + hardDeviations;
    }
}
