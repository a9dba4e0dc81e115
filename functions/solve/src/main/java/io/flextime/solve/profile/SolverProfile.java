package io.flextime.solve.profile;

/**
 * CP-SAT parameters for a class of instances (see {@link ProfileSelector} and the README "Model").
 *
 * @param name                   reported in the result's statistics
 * @param feasibilityFirst       at most this fraction of the time budget goes to a repair phase that
 *                               minimizes hard-constraint violations (see HardRelaxation) and ends at
 *                               0; its schedule hints the optimization phase; 0 disables it
 * @param linearizationLevel     CP-SAT linearization_level (2 puts more constraints into the LP: better
 *                               bounds on travel, slower propagation)
 * @param symmetryBreaking       add FlexTime's own symmetry breaking (schedule reversal) when it applies
 * @param relativeGapLimit       stop when the relative gap is below this (0: prove optimality)
 * @param neighbourhoodShare     this fraction of the optimization phase goes to FlexTime's own large
 *                               neighbourhood search (slots and teams freed around the best schedule), after
 *                               CP-SAT's search of the whole model; 0 disables it
 * @param annealingShare         this fraction of the optimization phase goes first to simulated annealing
 *                               over round-robin moves ({@code engine/TournamentAnnealing}), where the
 *                               season has a shape one of its costs scores exactly; 0 disables it
 * @param quickRepairPresolve    the repair phase skips CP-SAT's probing and symmetry detection in presolve
 *                               (where presolve, not search, is what the first schedule waits for)
 * @param penaltyShare           after the repair phase, this fraction of the rest goes to the soft-rule
 *                               penalties alone on the model without the travel flow
 *                               ({@code engine/PenaltyPhase}); 0 disables it
 * @param calendarShare          this fraction of the budget goes first to the calendar search
 *                               ({@code calendar/CalendarSearch}) where it applies; a schedule it finds is the
 *                               result, and without one CP-SAT's phases get the rest; 0 disables it
 */
public record SolverProfile(String name, double feasibilityFirst, int linearizationLevel, boolean symmetryBreaking,
        double relativeGapLimit, double neighbourhoodShare, double annealingShare, boolean quickRepairPresolve,
        double penaltyShare, double calendarShare) {
}
