package io.flextime.validate.checks;

import io.flextime.core.model.SeasonIndex;
import io.flextime.core.model.Season;
import io.flextime.rules.probe.FeasibilityProbe;
import io.flextime.validate.feasibility.FeasibilityPass;
import io.flextime.validate.findings.Category;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.quality.Completeness;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check class over one canonical season, in order: records (schema, ranges, integrity),
 * consistency, anomalies, then pre-solve feasibility. Pure: no I/O, so the function, the tests and the
 * benchmark run exactly the same code.
 */
public final class SeasonValidator {
    private final ValidationSettings settings;
    private final FeasibilityPass feasibility = new FeasibilityPass();

    public SeasonValidator(ValidationSettings settings) {
        this.settings = settings;
    }

    /** The findings of one season, its completeness, and the probe's answer. */
    public record SeasonValidation(List<Finding> findings, Completeness completeness, FeasibilityProbe.Result probe,
            long records) {
    }

    public SeasonValidation validate(Season season) {
        SeasonIndex index = SeasonIndex.tolerant(season);
        List<Finding> out = new ArrayList<>();
        for (SeasonCheck check : List.of(new RangeCheck(), new IdentityCheck(), new ConstraintParamCheck(), new FormatCheck(),
                new CalendarCheck(), new VenueAnomalyCheck(settings.zThreshold()),
                new DistanceMatrixCheck(settings.distanceTolerance()))) {
            check.check(index, out);
        }
        boolean recordsClean = out.stream().noneMatch(f -> f.isError()
                && (f.category() == Category.VALIDITY || f.category() == Category.CONSISTENCY));
        FeasibilityPass.Outcome feasible = feasibility.run(index, settings, recordsClean);
        out.addAll(feasible.findings());
        long records = 1L + season.teams().size() + season.venues().size() + season.slots().size()
                + season.constraints().size() + season.matchups().size() + season.distances().size();
        return new SeasonValidation(List.copyOf(out), Completeness.of(season), feasible.probe(), records);
    }
}
