package io.flextime.solve.engine;

import io.flextime.solve.calendar.CalendarSearch;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The calendar search ({@link CalendarSearch}, README "Calendar search") where it applies: from the hint
 * (a checkpoint) or its own construction. Once it has a schedule it keeps the whole budget and its best is
 * the result; without one after the profile's share, the CP-SAT phases go on from its nearest schedule.
 */
final class CalendarPhase implements SearchPhase {

    @Override
    public Optional<SolveResult> search(SolveRun run) {
        if (run.profile.calendarShare() <= 0) {
            return Optional.empty();
        }
        Optional<String> unsupported = CalendarSearch.unsupported(run.index);
        run.stats.put("calendar_search", unsupported.orElse("applies"));
        if (unsupported.isPresent()) {
            return Optional.empty();
        }
        double giveUp = run.budget * run.profile.calendarShare();
        int before = run.solutions;
        BooleanSupplier stop = () -> run.stopRequested() || (run.solutions == before && run.elapsed() > giveUp);
        CalendarSearch.Outcome out = new CalendarSearch().run(run.index, run.weights, run.hint, run.toBeat(), run.remaining(),
                run.settings.workers(), run.settings.seed() == null ? 1L : run.settings.seed(), stop,
                found -> run.report(found.games(), found.evaluation(), Math.min(run.travelBound, found.evaluation().objective())));
        run.stats.put("calendar_search_seconds", run.elapsed());
        run.stats.put("calendar_search_moves", out.moves());
        run.stats.put("calendar_search_improvements", out.improvements());
        run.stats.put("calendar_search_fewest_hard_deviations", out.fewestHardDeviations());
        if (out.best().isPresent()) {
            return Optional.of(out.complete() ? run.result("OPTIMAL", run.best, null)
                    : run.result("FEASIBLE", run.best, run.travelBound));
        }
        if (run.cutoff != null && !run.settings.hint().isEmpty() && out.fewestHardDeviations() == 0) {
            // nothing beat the checkpoint, which is feasible: it stays the result
            return Optional.of(run.result("FEASIBLE", run.settings.hint(), run.travelBound));
        }
        if (!out.closest().isEmpty() && run.hint.isEmpty()) {
            run.hint = out.closest(); // CP-SAT's repair phase goes on from the schedule nearest to feasible
        }
        return Optional.empty();
    }
}
