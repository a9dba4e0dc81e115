package io.flextime.validate.checks;

import java.time.Duration;

/**
 * The knobs of a validation run (from {@code flextime.validate.*}, see ValidateConfig), as a plain
 * value so the checks run the same in the function, in unit tests and in the benchmark.
 *
 * @param zThreshold        robust z-score above which a value is an outlier (Iglewicz and Hoaglin: 3.5)
 * @param distanceTolerance relative tolerance of the distance-matrix checks (0.05 = 5 %)
 * @param probeEnabled      whether the CP-SAT probe runs when the counting checks pass
 * @param probeTimeLimit    wall time of the whole probe (solve plus shrinking the conflict)
 * @param minScore          gate: the lowest quality score that passes
 * @param maxNullFraction   gate: the largest share of missing expected values that passes
 */
public record ValidationSettings(double zThreshold, double distanceTolerance, boolean probeEnabled, Duration probeTimeLimit,
        double minScore, double maxNullFraction) {

    public static ValidationSettings defaults() {
        return new ValidationSettings(3.5, 0.05, true, Duration.ofSeconds(5), 0.8, 0.1);
    }

    public ValidationSettings withProbe(boolean enabled) {
        return new ValidationSettings(zThreshold, distanceTolerance, enabled, probeTimeLimit, minScore, maxNullFraction);
    }
}
