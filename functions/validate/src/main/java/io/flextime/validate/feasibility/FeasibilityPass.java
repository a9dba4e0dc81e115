package io.flextime.validate.feasibility;

import io.flextime.rules.probe.FeasibilityProbe;
import static io.flextime.validate.findings.FindingCode.FEAS_CPSAT_CONFLICT;
import static io.flextime.validate.findings.FindingCode.FEAS_CPSAT_FEASIBLE;
import static io.flextime.validate.findings.FindingCode.FEAS_CPSAT_INCONCLUSIVE;

import io.flextime.core.model.SeasonIndex;
import io.flextime.validate.checks.ValidationSettings;
import io.flextime.validate.findings.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pre-solve feasibility: counting arguments and contradicting hard constraints (milliseconds), then,
 * only when those and every record check passed, the optional time-boxed CP-SAT probe.
 */
public final class FeasibilityPass {
    private final CountingFeasibility counting = new CountingFeasibility();
    private final HardConstraintConflicts conflicts = new HardConstraintConflicts();
    private final FeasibilityProbe probe = new FeasibilityProbe();

    /** What the pass found, and the probe's answer (SKIPPED when it did not run). */
    public record Outcome(List<Finding> findings, FeasibilityProbe.Result probe) {
    }

    /** Counting and conflicts only: the part that must stay fast (benchmark: < 2 s per ITC2021 instance). */
    public List<Finding> counting(SeasonIndex index) {
        List<Finding> out = new ArrayList<>();
        Availability avail = new Availability(index);
        counting.check(index, avail, new GameDemand(index), out);
        conflicts.check(index, avail, out);
        return out;
    }

    public Outcome run(SeasonIndex index, ValidationSettings settings, boolean recordsClean) {
        List<Finding> out = new ArrayList<>(counting(index));
        FeasibilityProbe.Result result = new FeasibilityProbe.Result(FeasibilityProbe.Status.SKIPPED, List.of(), false, 0,
                !settings.probeEnabled() ? "disabled" : "earlier checks found errors");
        if (settings.probeEnabled() && recordsClean && out.stream().noneMatch(Finding::isError)) {
            result = probe.probe(index, settings.probeTimeLimit());
            String took = String.format(Locale.ROOT, "%.2f s", result.seconds());
            switch (result.status()) {
                case INFEASIBLE -> out.add(FEAS_CPSAT_CONFLICT.conflict("season", index.season().season(),
                        result.conflict().isEmpty() ? "CP-SAT proved the season infeasible from its format alone (" + took + ")"
                                : "CP-SAT proved these hard constraints infeasible together: " + result.conflict()
                                        + (result.minimal() ? " (a minimal set: dropping any one makes the rest feasible)" : "")
                                        + " (" + took + ")", result.conflict()));
                case UNKNOWN -> out.add(FEAS_CPSAT_INCONCLUSIVE.season("The CP-SAT probe found no answer within "
                        + settings.probeTimeLimit().toMillis() + " ms; the solve will tell"));
                case FEASIBLE -> out.add(FEAS_CPSAT_FEASIBLE.season("CP-SAT found a schedule meeting every hard constraint "
                        + "it models (" + took + ")"));
                default -> {
                }
            }
        }
        return new Outcome(out, result);
    }
}
