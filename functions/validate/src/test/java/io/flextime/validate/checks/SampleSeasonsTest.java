package io.flextime.validate.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.validate.SeasonFixtures;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.quality.QualityGate;
import io.flextime.validate.quality.QualityScore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real sample: the Big 12 2025-26 season passes every check, the probe included, with a score >= 0.95. */
class SampleSeasonsTest {

    @Test
    void theBig12SamplePassesWithAScoreOfAtLeast095() throws Exception {
        Season big12 = SeasonFixtures.big12();
        ValidationSettings settings = ValidationSettings.defaults();
        SeasonValidator.SeasonValidation v = new SeasonValidator(settings).validate(big12);
        List<Finding> errors = v.findings().stream().filter(Finding::isError).toList();
        assertEquals(List.of(), errors);
        QualityScore score = QualityScore.of(v.findings(), v.completeness(), v.records(), 0);
        assertTrue(score.score() >= 0.95, "score " + score);
        assertTrue(new QualityGate(settings.minScore(), settings.maxNullFraction()).judge(score, v.findings()).passed());
    }
}
