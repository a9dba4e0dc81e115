package io.flextime.solve.engine;

import io.flextime.rules.cost.ScheduleCost;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.core.model.SeasonIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The travel-tournament annealing on NL instances, from a schedule of the circle method. */
class TournamentAnnealingTest {
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @Test
    void movesKeepADoubleRoundRobinAndTheRunningTotalsExact() throws Exception {
        Season nl8 = BenchInstances.ttp(CpSatSeasonSolverTest.DATA, "nl6");
        SeasonIndex ix = new SeasonIndex(nl8);
        java.util.function.Supplier<ScheduleCost> rules = TravelTournamentCost.of(nl8, ix, nl8.weights()).orElseThrow();
        TournamentAnnealing search = TournamentAnnealing.from(ix, rules.get(), CircleMethod.schedule(ix), 11L).orElseThrow();
        for (int round = 0; round < 20; round++) {
            search.run(0.02, () -> false);
            assertTrue(search.isValid(), "a double round robin after " + search.moves() + " moves");
            TournamentAnnealing fresh = TournamentAnnealing.from(ix, rules.get(), current(search, ix), 1L).orElseThrow();
            assertEquals(fresh.currentSoft(), search.currentSoft(), 1e-6, "running travel total after " + search.moves() + " moves");
            assertEquals(fresh.currentHard(), search.currentHard(), "running violations after " + search.moves() + " moves");
        }
        assertTrue(search.moves() > 1000, "moves made: " + search.moves());
    }

    @Test
    void findsAFeasibleScheduleTheEvaluatorScoresAsItDoes() throws Exception {
        Season nl6 = BenchInstances.ttp(CpSatSeasonSolverTest.DATA, "nl6");
        SeasonIndex ix = new SeasonIndex(nl6);
        java.util.function.Supplier<ScheduleCost> rules = TravelTournamentCost.of(nl6, ix, nl6.weights()).orElseThrow();
        List<Assignment> start = CircleMethod.schedule(ix);
        Evaluation before = evaluator.evaluate(nl6, start, null);
        TournamentAnnealing search = TournamentAnnealing.from(ix, rules.get(), start, 5L).orElseThrow();
        search.run(3.0, () -> false);

        assertTrue(search.hasBest(), "a schedule that keeps the rules");
        Evaluation best = evaluator.evaluate(nl6, search.best(ix).games(), null);
        assertTrue(best.feasible(), best::describeInfeasibility);
        assertEquals(search.bestSoft(), best.objective(), 1e-6, "the search's travel is the evaluator's objective");
        assertTrue(!before.feasible() || best.objective() < before.objective(), best.objective() + " vs start " + before.objective());
    }

    @Test
    void appliesOnlyToTheTravelTournamentShape() throws Exception {
        Season nl6 = BenchInstances.ttp(CpSatSeasonSolverTest.DATA, "nl6");
        assertTrue(TravelTournamentCost.rulesOf(nl6, new SeasonIndex(nl6)).isPresent());
        List<SeasonConstraint> soft = new ArrayList<>();
        for (SeasonConstraint c : nl6.constraints()) {
            soft.add(new SeasonConstraint(c.id(), c.type(), false, 5, c.params()));
        }
        Season withSoft = new Season(nl6.season(), nl6.name(), nl6.sport(), nl6.start(), nl6.end(), nl6.timeZone(), nl6.format(),
                nl6.weights(), false, nl6.teams(), nl6.venues(), nl6.slots(), soft, nl6.matchups(), nl6.distances());
        assertTrue(TravelTournamentCost.rulesOf(withSoft, new SeasonIndex(withSoft)).isEmpty(),
                "soft rules are not scored by the annealing: it must not run");
    }

    private static List<Assignment> current(TournamentAnnealing search, SeasonIndex ix) {
        return search.currentAssignments(ix);
    }
}
