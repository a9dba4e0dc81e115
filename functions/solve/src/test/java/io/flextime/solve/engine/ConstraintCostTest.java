package io.flextime.solve.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.solve.evaluator.Evaluation;
import io.flextime.solve.evaluator.ScheduleEvaluator;
import io.flextime.solve.model.SeasonIndex;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The annealing's RobinX cost against the independent evaluator, on ITC2021 instances with every
 * constraint class (Test4: CA1–CA4 with GLOBAL and EVERY, GA1, BR1, BR2, FA2, SE1; phased).
 */
class ConstraintCostTest {
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @ParameterizedTest
    @ValueSource(strings = { "Test4", "Test1", "Early_1" })
    void runningCostIsTheEvaluatorsAfterEveryBurstOfMoves(String instance) throws Exception {
        Season season = BenchInstances.itc(CpSatSeasonSolverTest.DATA, instance);
        SeasonIndex ix = new SeasonIndex(season);
        Supplier<ScheduleCost> costs = ScheduleCost.forSeason(season, ix, season.weights()).orElseThrow();
        TournamentAnnealing search = TournamentAnnealing.from(ix, costs.get(), CircleMethod.schedule(ix), 7L).orElseThrow();
        for (int burst = 0; burst < 15; burst++) {
            search.run(0.05, () -> false);
            assertTrue(search.isValid(), "a double round robin after " + search.moves() + " moves");
            List<Assignment> games = search.currentAssignments(ix);
            ScheduleCost fresh = costs.get();
            TournamentAnnealing rescored = TournamentAnnealing.from(ix, fresh, games, 1L).orElseThrow();
            assertEquals(rescored.currentHard(), search.currentHard(), "running hard deviation after " + search.moves() + " moves");
            assertEquals(rescored.currentSoft(), search.currentSoft(), 1e-6, "running soft cost after " + search.moves() + " moves");

            Evaluation e = evaluator.evaluate(season, games, null);
            long phaseBreaches = e.structureErrors().stream().filter(m -> m.contains("(phased)")).count();
            assertEquals(phaseBreaches, e.structureErrors().size(), "only the phase may be broken: " + e.structureErrors());
            int hard = e.hardDeviations().values().stream().mapToInt(Integer::intValue).sum();
            // the evaluator names a pair that meets twice in a half once from each side
            assertEquals(hard + phaseBreaches / 2, search.currentHard(), "hard deviation as the evaluator counts it");
            assertEquals(e.objective(), search.currentSoft(), 1e-6, "soft cost as the evaluator counts it");
        }
        assertTrue(search.moves() > 1000, "moves made: " + search.moves());
    }
}
