package io.flextime.solve.profile;

/**
 * How the solver searches a class of seasons (chosen by {@link ProfileSelector}; README "Search"): which
 * phases run, in this order, and with what share of the budget. A share of 0 leaves its phase out.
 *
 * @param name          reported in the result's statistics
 * @param calendarShare the calendar search ({@code calendar/CalendarSearch}), where it applies, first: it keeps
 *                      the whole budget once it has a schedule and gives up after this share without one
 * @param repair        CP-SAT's repair phase (hard rules softened, violations minimized; it ends at 0)
 * @param penaltyShare  after the repair phase, this share of the rest goes to the soft-rule penalties alone
 *                      on the model without the travel flow ({@code engine/PenaltyPhase})
 * @param annealingShare this share of what is left goes to the annealing over round-robin moves
 *                      ({@code engine/TournamentAnnealing}) where one of its costs scores the season exactly
 * @param optimization  CP-SAT on the whole model, then FlexTime's neighbourhood search
 */
public record SolverProfile(String name, double calendarShare, Repair repair, double penaltyShare, double annealingShare,
        Optimization optimization) {

    /**
     * @param share         at most this share of the budget (0: no repair phase)
     * @param quickPresolve CP-SAT's presolve skips probing and symmetry detection (where presolve, not search,
     *                      is what the first schedule waits for)
     */
    public record Repair(double share, boolean quickPresolve) {
        public static final Repair NONE = new Repair(0, false);
    }

    /**
     * @param linearizationLevel CP-SAT's linearization_level (2 puts more constraints into the LP: better bounds
     *                           on travel, slower propagation)
     * @param symmetryBreaking   FlexTime's own symmetry breaking (schedule reversal) where it applies
     * @param relativeGapLimit   stop at this relative gap (0: prove optimality)
     * @param neighbourhoodShare this share of the phase goes to the neighbourhood search after CP-SAT's search of
     *                           the whole model (0: none)
     */
    public record Optimization(int linearizationLevel, boolean symmetryBreaking, double relativeGapLimit,
            double neighbourhoodShare) {
    }
}
