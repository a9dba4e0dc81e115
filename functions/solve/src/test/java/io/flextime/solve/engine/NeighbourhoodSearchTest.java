package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.rules.model.OrToolsNatives;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.sat.CpSolver;
import io.flextime.core.model.Season;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.core.model.SeasonIndex;
import io.flextime.solve.model.SeasonModelBuilder;
import io.flextime.solve.model.TravelLowerBound;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FlexTime's own large neighbourhood search, on NL6 (proven optimum 23916) from CP-SAT's first schedule. */
class NeighbourhoodSearchTest {
    private static final double NL6_OPTIMUM = 23916.0;
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @BeforeAll
    static void loadOrTools() {
        OrToolsNatives.ensureLoaded();
    }

    @Test
    void improvesTheFirstScheduleAndReportsOnlyBoundsOfTheWholeModel() throws Exception {
        Season nl6 = BenchInstances.ttp(CpSatSeasonSolverTest.DATA, "nl6");
        SeasonModelBuilder.Built built = SeasonModelBuilder.build(nl6,
                new SeasonModelBuilder.Options(nl6.weights(), false, true, true));
        double travelBound = TravelLowerBound.objective(nl6, nl6.weights());
        List<Incumbent> reported = Collections.synchronizedList(new ArrayList<>());
        SolutionRecorder recorder = new SolutionRecorder(nl6, nl6.weights(), built, reported::add, System.nanoTime(), 0,
                Double.POSITIVE_INFINITY, travelBound);
        double first = firstSchedule(built, recorder);

        NeighbourhoodSearch lns = new NeighbourhoodSearch(built, recorder, () -> false, 7L);
        lns.run(6.0, 2);

        assertTrue(lns.searched() > 0);
        assertTrue(lns.improved() > 0, "some neighbourhood held a better schedule than " + first);
        assertTrue(recorder.bestObjective() < first, recorder.bestObjective() + " vs first " + first);
        Evaluation best = evaluator.evaluate(nl6, recorder.best(), null);
        assertTrue(best.feasible(), best::describeInfeasibility);
        assertEquals(recorder.bestObjective(), best.objective(), 1e-9);
        for (Incumbent inc : reported) {
            assertEquals(evaluator.evaluate(nl6, inc.games(), null).objective(), inc.objective(), 1e-9);
            // A neighbourhood's own bound is near its schedule's objective, above the season's optimum:
            // reported, it would claim a gap that does not exist.
            assertTrue(inc.bestBound() <= NL6_OPTIMUM, "bound " + inc.bestBound() + " above the proven optimum");
            assertTrue(inc.bestBound() >= travelBound - 1e-9);
        }
    }

    @Test
    void stopsSoonAfterAStopIsRequested() throws Exception {
        Season nl6 = BenchInstances.ttp(CpSatSeasonSolverTest.DATA, "nl6");
        SeasonModelBuilder.Built built = SeasonModelBuilder.build(nl6,
                new SeasonModelBuilder.Options(nl6.weights(), false, true, true));
        SolutionRecorder recorder = new SolutionRecorder(nl6, nl6.weights(), built, SolutionListener.NONE, System.nanoTime(), 0,
                Double.POSITIVE_INFINITY, 0.0);
        firstSchedule(built, recorder);
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        Thread stopper = new Thread(() -> {
            sleep(500);
            stop.set(true);
        });
        stopper.start();
        new NeighbourhoodSearch(built, recorder, stop::get, 3L).run(60.0, 2);
        double took = (System.nanoTime() - start) / 1e9;
        assertTrue(took < 2.5, "stopped after " + took + " s");
    }

    @Test
    void neighbourhoodsGrowWhenSearchedToTheEndAndShrinkWhenTimeRunsOut() throws Exception {
        SeasonIndex ix = new SeasonIndex(BenchInstances.ttp(CpSatSeasonSolverTest.DATA, "nl6"));
        Neighbourhood.Chooser chooser = new Neighbourhood.Chooser(ix, new Random(5));
        Neighbourhood window = chooser.next();
        assertEquals(Neighbourhood.Kind.SLOT_WINDOW, window.kind());
        int firstFreed = -1;
        for (int s = 0; s < ix.slotCount; s++) {
            if (window.slots()[s]) {
                if (firstFreed < 0) {
                    firstFreed = s;
                }
                assertEquals(s - firstFreed, countUpTo(window.slots(), s) - 1, "a window is consecutive slots");
            }
        }
        int before = window.slotCount();
        for (int i = 0; i < 20; i++) {
            chooser.feedback(window, true);
        }
        Neighbourhood grown = nextOfKind(chooser, Neighbourhood.Kind.SLOT_WINDOW);
        assertTrue(grown.slotCount() > before, grown.slotCount() + " vs " + before);
        for (int i = 0; i < 60; i++) {
            chooser.feedback(window, false);
        }
        Neighbourhood shrunk = nextOfKind(chooser, Neighbourhood.Kind.SLOT_WINDOW);
        assertEquals(2, shrunk.slotCount(), "never fewer than two slots");
        Neighbourhood teams = nextOfKind(chooser, Neighbourhood.Kind.TEAM_SET);
        assertTrue(teams.teamCount() >= 2);
        assertTrue(teams.frees(0, 1, 0) == (teams.teams()[0] || teams.teams()[1]));
    }

    private static double firstSchedule(SeasonModelBuilder.Built built, SolutionRecorder recorder) {
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setStopAfterFirstSolution(true).setMaxTimeInSeconds(20).setRandomSeed(1);
        SolutionRecorder.Callback callback = recorder.callback(true);
        solver.solve(built.model().cp, callback);
        callback.delete();
        assertNotNull(recorder.best(), "CP-SAT found a first NL6 schedule");
        return recorder.bestObjective();
    }

    private static Neighbourhood nextOfKind(Neighbourhood.Chooser chooser, Neighbourhood.Kind kind) {
        Neighbourhood nb = chooser.next();
        while (nb.kind() != kind) {
            nb = chooser.next();
        }
        return nb;
    }

    private static int countUpTo(boolean[] flags, int last) {
        int n = 0;
        for (int i = 0; i <= last; i++) {
            n += flags[i] ? 1 : 0;
        }
        return n;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
