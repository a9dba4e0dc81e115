package io.flextime.validate.quality;

import io.flextime.validate.findings.Finding;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gate (README "Gate"): a version passes when no finding blocks it, its score is at least
 * {@code minScore} and its null fraction at most {@code maxNullFraction}.
 */
@RegisterForReflection
public record QualityGate(double minScore, double maxNullFraction) {

    /** The gate's verdict with the reasons a version failed (empty when it passed). */
    @RegisterForReflection
    public record Verdict(boolean passed, List<String> reasons) {
    }

    public Verdict judge(QualityScore score, List<Finding> findings) {
        List<String> reasons = new ArrayList<>();
        long blocking = findings.stream().filter(QualityScore::blocks).count();
        if (blocking > 0) {
            reasons.add(blocking + " blocking error(s)");
        }
        if (score.score() < minScore) {
            reasons.add(String.format(Locale.ROOT, "quality score %.4f is below the minimum %.2f", score.score(), minScore));
        }
        if (score.nullFraction() > maxNullFraction) {
            reasons.add(String.format(Locale.ROOT, "%.1f %% of expected values are missing (maximum %.1f %%)",
                    score.nullFraction() * 100, maxNullFraction * 100));
        }
        return new Verdict(reasons.isEmpty(), List.copyOf(reasons));
    }
}
