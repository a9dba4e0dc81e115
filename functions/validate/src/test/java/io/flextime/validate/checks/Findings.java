package io.flextime.validate.checks;

import io.flextime.core.model.SeasonIndex;
import io.flextime.core.model.Season;
import io.flextime.validate.findings.Finding;
import java.util.ArrayList;
import java.util.List;

/** Runs one check on a season and returns its findings (tests). */
final class Findings {
    private Findings() {
    }

    static List<Finding> of(SeasonCheck check, Season season) {
        List<Finding> out = new ArrayList<>();
        check.check(SeasonIndex.tolerant(season), out);
        return out;
    }

    static List<String> codes(SeasonCheck check, Season season) {
        return of(check, season).stream().map(Finding::code).toList();
    }
}
