package io.flextime.solve.model;

import io.flextime.core.model.ObjectiveWeights;

/**
 * CP-SAT optimizes an integer: objective = (travelPerMetre × metres + perPenaltyUnit × penalty units)
 * / divisor, where divisor = K × 1000 and K is the smallest power of ten making both weights integral
 * (to 1e-9), so fractional weights such as 0.65 are represented exactly.
 */
public record ObjectiveScale(long travelPerMetre, long perPenaltyUnit, double divisor) {

    public static ObjectiveScale of(ObjectiveWeights w) {
        long k = 1;
        while (k < 1_000_000 && !(integral(w.travel() * k) && integral(w.penalty() * k))) {
            k *= 10;
        }
        return new ObjectiveScale(Math.round(w.travel() * k), Math.round(w.penalty() * k * 1000), k * 1000.0);
    }

    private static boolean integral(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9;
    }

    public double toObjective(double scaled) {
        return scaled / divisor;
    }

    /** The largest scaled value at most {@code objective} (for a cutoff that keeps the schedule it came from). */
    public long atMost(double objective) {
        return (long) Math.floor(objective * divisor + 1e-6);
    }

    /** The largest scaled value strictly below {@code objective} (for an objective cutoff). */
    public long strictlyBelow(double objective) {
        return (long) Math.ceil(objective * divisor - 1e-6) - 1;
    }
}
