package io.flextime.validate.quality;

import io.flextime.validate.findings.Category;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.findings.Severity;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The quality score in [0, 1] (README "Quality score"):
 * {@code score = 0.3 completeness + 0.4 validity + 0.3 consistency}, where
 * completeness = 1 - missing / expected values;
 * validity = 1 - (records with an ERROR + 0.25 records with only WARNINGs) / records, over the
 * VALIDITY and HISTORY findings;
 * consistency = max(0, 1 - (ERRORs + 0.25 WARNINGs) / season records) over CONSISTENCY, ANOMALY and
 * FEASIBILITY findings. INFO never counts.
 */
@RegisterForReflection
@io.quarkus.qute.TemplateData
public record QualityScore(double score, double completeness, double validity, double consistency, double nullFraction,
        long records) {

    public static final double W_COMPLETENESS = 0.3;
    public static final double W_VALIDITY = 0.4;
    public static final double W_CONSISTENCY = 0.3;
    public static final double WARNING_WEIGHT = 0.25;

    /**
     * @param seasonRecords     season + teams + venues + slots + constraints + matchups + distances
     * @param historicalRecords historical-game rows
     */
    public static QualityScore of(List<Finding> findings, Completeness completeness, long seasonRecords, long historicalRecords) {
        long records = Math.max(1, seasonRecords + historicalRecords);
        Set<String> errorRecords = new HashSet<>();
        Set<String> warningRecords = new HashSet<>();
        long historyErrors = 0;
        long historyWarnings = 0;
        double inconsistency = 0;
        for (Finding f : findings) {
            if (f.severity() == Severity.INFO) {
                continue;
            }
            boolean error = f.severity() == Severity.ERROR;
            switch (f.category()) {
                case VALIDITY -> (error ? errorRecords : warningRecords)
                        .add(f.recordKey() == null ? "season" : f.recordKey());
                case HISTORY -> {
                    if (error) {
                        historyErrors += f.count();
                    } else {
                        historyWarnings += f.count();
                    }
                }
                default -> inconsistency += error ? 1 : WARNING_WEIGHT;
            }
        }
        warningRecords.removeAll(errorRecords);
        double invalid = errorRecords.size() + Math.min(historyErrors, historicalRecords)
                + WARNING_WEIGHT * (warningRecords.size() + Math.min(historyWarnings, historicalRecords));
        double validity = clamp(1 - invalid / records);
        double consistency = clamp(1 - inconsistency / Math.max(1, seasonRecords));
        double complete = clamp(1 - completeness.nullFraction());
        double score = W_COMPLETENESS * complete + W_VALIDITY * validity + W_CONSISTENCY * consistency;
        return new QualityScore(round(score), round(complete), round(validity), round(consistency),
                round(completeness.nullFraction()), records);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** Findings that block the version: ERRORs outside HISTORY (historical rows are quarantined instead). */
    public static boolean blocks(Finding f) {
        return f.isError() && f.category() != Category.HISTORY;
    }
}
