package io.flextime.solve.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.solve.realseason.RealSchedule;
import io.flextime.solve.realseason.RealSeasonVariants;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The travel flow of {@link LeanCalendarModel#minimizeTravel} and {@link KnownDatesTravel} on a real season
 * whose teams play on their real dates (WCC 2023-24, "same days"): with every game fixed where the real
 * schedule has it the flow's objective is exactly the real travel; from a start without regard to travel,
 * every schedule the search keeps is feasible for the evaluator, scored as the evaluator scores it, and
 * the last travels less than the start.
 */
class KnownDatesTravelTest {
    private static final Path DATA = Path.of("../../data/conferences");
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    private static Season sameDays(String name) throws IOException {
        RealSchedule real = RealSchedule.read(DATA.resolve(name));
        return RealSeasonVariants.derive(real, RealSeasonVariants.Variant.SAME_DAYS).season();
    }

    @Test
    void theFlowOfTheRealScheduleIsItsTravel() throws IOException {
        RealSchedule real = RealSchedule.read(DATA.resolve("wcc-2023-24"));
        Season season = sameDays("wcc-2023-24");
        SeasonIndex ix = new SeasonIndex(season);
        CalendarProblem p = CalendarProblem.of(ix, season.weights()).orElseThrow();
        assertTrue(KnownDatesTravel.applies(p), "every team's dates are known");
        List<Assignment> games = new ArrayList<>();
        for (RealSchedule.RealGame g : real.games()) {
            games.add(new Assignment(ix.slotIndex(real.dates().indexOf(g.date())), g.home(), g.away()));
        }
        CalendarState st = new CalendarState(p);
        st.restore(CalendarSearch.snapshotOf(p, games));
        assertEquals(0, st.unplacedGames());
        LeanCalendarModel m = LeanCalendarModel.posted(p);
        assertNotNull(m);
        m.minimizeTravel();
        for (int g = 0; g < p.games(); g++) {
            m.model.addEquality(m.x[g][st.slotOf[g]], 1);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(20);
        assertEquals(CpSolverStatus.OPTIMAL, solver.solve(m.model));
        assertEquals(st.travelKm() * 1000, solver.objectiveValue(), 0.5, "the flow's metres against the state's");
        assertEquals(real.travelKm(), st.travelKm(), 0.01, "the state's km against the real schedule's own computation");
    }

    @Test
    void keptSchedulesAreFeasibleAndTravelLess() throws IOException {
        Season season = sameDays("wcc-2023-24");
        SeasonIndex ix = new SeasonIndex(season);
        CalendarProblem p = CalendarProblem.of(ix, season.weights()).orElseThrow();
        int[][] start = LeanCalendarModel.build(p, 20, 1, 7, () -> false);
        assertNotNull(start, "the lean model's first schedule");
        CalendarState st = new CalendarState(p);
        st.restore(start);
        assertEquals(0, st.hard());
        double startObjective = st.objective();
        List<CalendarAnnealing.Published> kept = new ArrayList<>();
        int count = KnownDatesTravel.improve(p, start, 8, 2, 7, () -> false, kept::add);
        assertEquals(kept.size(), count);
        assertFalse(kept.isEmpty(), "a schedule placed without regard to travel is improved");
        double previous = startObjective;
        for (CalendarAnnealing.Published snap : kept) {
            Evaluation eval = evaluator.evaluate(season, CalendarSearch.assignments(p, snap.schedule()), season.weights());
            assertTrue(eval.feasible(), eval::describeInfeasibility);
            assertEquals(eval.objective(), snap.objective(), 1e-6 * Math.max(1, eval.objective()));
            assertTrue(snap.objective() < previous, "each kept schedule is better than the one before");
            previous = snap.objective();
        }
    }
}
