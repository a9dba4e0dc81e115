package io.flextime.validate.findings;

/** The check class a finding comes from; the quality score weighs them (README "Quality score"). */
public enum Category {
    /** Schema, ranges, references, duplicates: is each record valid on its own? */
    VALIDITY,
    /** Records against each other and against the season format. */
    CONSISTENCY,
    /** Statistical outliers and implausible values. */
    ANOMALY,
    /** Pre-solve feasibility: counting arguments, contradicting hard constraints, CP-SAT probe. */
    FEASIBILITY,
    /** Row checks of the historical games (analytics input, not needed to solve). */
    HISTORY
}
