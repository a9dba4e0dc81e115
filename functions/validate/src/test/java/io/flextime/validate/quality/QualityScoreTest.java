package io.flextime.validate.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.validate.findings.Finding;
import io.flextime.validate.findings.FindingCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Check class 5: the documented formula and the gate. */
class QualityScoreTest {
    private final QualityGate gate = new QualityGate(0.8, 0.1);

    @Test
    void aCleanCompleteSeasonScoresOneAndPasses() {
        QualityScore s = QualityScore.of(List.of(), new Completeness(100, 0), 50, 0);
        assertEquals(1.0, s.score());
        assertTrue(gate.judge(s, List.of()).passed());
    }

    @Test
    void theScoreIsTheWeightedSumOfItsThreeParts() {
        // 10 of 100 values missing; 2 of 50 records invalid (one ERROR, one WARNING-only: 1 + 0.25);
        // one consistency warning (0.25) over 50 season records.
        List<Finding> findings = List.of(
                FindingCode.RANGE_LATITUDE.at("venue", "v1", 1, "latitude", "x"),
                FindingCode.RANGE_LONGITUDE.at("venue", "v1", 1, "longitude", "x"), // same record: counted once
                new Finding("X_WARN", io.flextime.validate.findings.Severity.WARNING,
                        io.flextime.validate.findings.Category.VALIDITY, "team", "t1", 1, null, "x", List.of(), 1),
                FindingCode.CONS_SHARED_VENUE_UNDECLARED.at("venue", "v2", 2, "teams", "x"),
                FindingCode.CONS_SOFT_ZERO_PENALTY.at("constraint", "c", 1, "penalty", "info does not count"));
        QualityScore s = QualityScore.of(findings, new Completeness(100, 10), 50, 0);
        assertEquals(0.9, s.completeness());
        assertEquals(1 - 1.25 / 50, s.validity(), 1e-4);
        assertEquals(1 - 0.25 / 50, s.consistency(), 1e-4);
        assertEquals(0.3 * 0.9 + 0.4 * (1 - 1.25 / 50) + 0.3 * (1 - 0.25 / 50), s.score(), 1e-4);
        QualityGate.Verdict v = gate.judge(s, findings);
        assertFalse(v.passed(), "an ERROR finding blocks");
        assertEquals(List.of("2 blocking error(s)"), v.reasons(), "two ERROR findings (of one record)");
    }

    @Test
    void theGateRejectsTooManyMissingValuesAndALowScoreEvenWithoutErrors() {
        // 80 % missing: completeness 0.2, score 0.3 * 0.2 + 0.4 + 0.3 = 0.76 < 0.8, null fraction 0.8 > 0.1
        QualityScore s = QualityScore.of(List.of(), new Completeness(100, 80), 10, 0);
        assertEquals(0.76, s.score(), 1e-9);
        QualityGate.Verdict v = gate.judge(s, List.of());
        assertFalse(v.passed());
        assertEquals(List.of("quality score 0.7600 is below the minimum 0.80", "80.0 % of expected values are missing (maximum 10.0 %)"),
                v.reasons());
    }
}
