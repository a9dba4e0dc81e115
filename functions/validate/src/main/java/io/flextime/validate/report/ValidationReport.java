package io.flextime.validate.report;

import io.flextime.rules.probe.FeasibilityProbe;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.findings.Severity;
import io.flextime.validate.quality.QualityGate;
import io.flextime.validate.quality.QualityScore;
import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The validation report of one dataset version: what validate decided and why. Stored in PostgreSQL
 * (summary + findings) and in S3 as JSON (this record) and HTML.
 *
 * @param outcome  VALIDATED or REJECTED
 * @param reasons  why the gate failed (empty when VALIDATED)
 * @param historicalRows historical-game rows checked
 */
@RegisterForReflection
@TemplateData
public record ValidationReport(UUID reportId, String tenant, UUID versionId, String season, int revision, Instant generatedAt,
        String outcome, QualityScore quality, QualityGate gate, List<String> reasons, Counts counts, Probe probe,
        long historicalRows, long quarantined, long durationMs, String reportKey, String htmlKey, List<Finding> findings) {

    public static final String VALIDATED = "VALIDATED";
    public static final String REJECTED = "REJECTED";

    public ValidationReport {
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
        findings = List.copyOf(findings == null ? List.of() : findings);
    }

    public boolean passed() {
        return VALIDATED.equals(outcome);
    }

    /** Findings per severity. */
    @RegisterForReflection
    @TemplateData
    public record Counts(int errors, int warnings, int infos) {
        public static Counts of(List<Finding> findings) {
            return new Counts(count(findings, Severity.ERROR), count(findings, Severity.WARNING), count(findings, Severity.INFO));
        }

        private static int count(List<Finding> findings, Severity s) {
            return (int) findings.stream().filter(f -> f.severity() == s).count();
        }
    }

    /** The CP-SAT probe's answer (status SKIPPED when it did not run, with the reason in note). */
    @RegisterForReflection
    @TemplateData
    public record Probe(String status, List<String> conflict, boolean minimal, double seconds, String note) {
        public static Probe of(FeasibilityProbe.Result r) {
            return new Probe(r.status().name(), r.conflict(), r.minimal(), Math.round(r.seconds() * 1000) / 1000.0, r.note());
        }
    }
}
