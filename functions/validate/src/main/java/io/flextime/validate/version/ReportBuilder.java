package io.flextime.validate.version;

import static io.flextime.validate.findings.FindingCode.GATE_NULL_FRACTION;
import static io.flextime.validate.findings.FindingCode.GATE_SCORE;
import static io.flextime.validate.findings.FindingCode.HIST_ROWS_QUARANTINED;

import io.flextime.core.model.Season;
import io.flextime.validate.checks.SeasonValidator.SeasonValidation;
import io.flextime.validate.checks.ValidationSettings;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.history.HistoryFindings;
import io.flextime.validate.quality.Completeness;
import io.flextime.validate.quality.QualityGate;
import io.flextime.validate.quality.QualityScore;
import io.flextime.validate.report.ValidationReport;
import io.flextime.validate.store.HistoricalGameStats.Stats;
import io.flextime.validate.store.ReportObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Combines the season's and the historical games' findings into a scored, gated report. */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    public static ValidationReport build(String tenant, UUID version, Season season, int revision, SeasonValidation sv,
            Stats history, int quarantinedRecords, ValidationSettings settings, long startedNanos) {
        List<Finding> findings = new ArrayList<>(sv.findings());
        long historyRows = history == null ? 0 : history.rows();
        long errorRows = history == null ? 0 : HistoryFindings.errorRows(history);
        Completeness completeness = sv.completeness();
        if (history != null) {
            findings.addAll(HistoryFindings.of(history));
            completeness = completeness.plus(HistoryFindings.completeness(history));
            if (errorRows > 0) {
                findings.add(HIST_ROWS_QUARANTINED.rows(errorRows, null, null, errorRows
                        + " historical-game row(s) with errors were quarantined; the season itself is not blocked by them"));
            }
        }
        QualityScore score = QualityScore.of(findings, completeness, sv.records(), historyRows);
        QualityGate gate = new QualityGate(settings.minScore(), settings.maxNullFraction());
        QualityGate.Verdict verdict = gate.judge(score, findings);
        if (score.score() < gate.minScore()) {
            findings.add(GATE_SCORE.season(verdict.reasons().stream().filter(r -> r.startsWith("quality score")).findFirst()
                    .orElse("quality score below the minimum")));
        }
        if (score.nullFraction() > gate.maxNullFraction()) {
            findings.add(GATE_NULL_FRACTION.season(verdict.reasons().stream().filter(r -> r.contains("missing")).findFirst()
                    .orElse("too many missing values")));
        }
        long durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
        return new ValidationReport(UUID.randomUUID(), tenant, version, season.season(), revision, Instant.now(),
                verdict.passed() ? ValidationReport.VALIDATED : ValidationReport.REJECTED, score, gate, verdict.reasons(),
                ValidationReport.Counts.of(findings), ValidationReport.Probe.of(sv.probe()), historyRows,
                quarantinedRecords + errorRows, durationMs, ReportObjects.jsonKey(tenant, version),
                ReportObjects.htmlKey(tenant, version), findings);
    }
}
