package io.flextime.solve.engine;

import io.flextime.rules.cost.ScheduleCost;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.core.model.SeasonIndex;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The phased PartialSwapTeams on ITC2021 Early_1 (16 teams, phased): two teams exchange their games in a
 * set of slots of one half, so the season stays phased, no third team's home/away pattern moves, and who
 * meets whom in a round changes (which no other move of a phased season does beyond relabelling).
 */
class PartialSwapTeamsPhasedTest {
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @Test
    void exchangesTwoTeamsGamesWithinOneHalfAndKeepsThePhase() throws Exception {
        Season season = BenchInstances.itc(CpSatSeasonSolverTest.DATA, "Early_1");
        SeasonIndex ix = new SeasonIndex(season);
        Supplier<ScheduleCost> costs = ScheduleCosts.forSeason(season, ix, season.weights()).orElseThrow();
        TournamentAnnealing search = TournamentAnnealing.from(ix, costs.get(), CircleMethod.schedule(ix), 3L).orElseThrow();
        int n = ix.n;
        int half = ix.slotCount / 2;
        SplittableRandom random = new SplittableRandom(5);
        int made = 0;
        for (int k = 0; k < 2000; k++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            int s = random.nextInt(ix.slotCount);
            ScheduleRows before = ScheduleRows.of(ix, search.currentAssignments(ix));
            boolean moved = search.keepPartialSwapTeamsPhased(i, j, s);
            ScheduleRows after = ScheduleRows.of(ix, search.currentAssignments(ix));
            if (!moved) {
                for (int t = 0; t < n; t++) {
                    assertArrayEquals(before.opp()[t], after.opp()[t], "no move, no change");
                }
                continue;
            }
            made++;
            assertTrue(search.isValid(), "a double round robin after the exchange of " + i + " and " + j + " through slot " + s);
            Evaluation e = evaluator.evaluate(season, search.currentAssignments(ix), null);
            assertEquals(List.of(), e.structureErrors(), "still phased, every pair once in each half");
            boolean firstHalf = s < half;
            for (int t = 0; t < n; t++) {
                for (int q = 0; q < ix.slotCount; q++) {
                    boolean changed = before.opp()[t][q] != after.opp()[t][q] || before.home()[t][q] != after.home()[t][q];
                    if (t != i && t != j) {
                        assertEquals(before.home()[t][q], after.home()[t][q], "team " + t + "'s pattern in slot " + q);
                    } else if (changed) {
                        assertEquals(firstHalf, q < half, "team " + t + " changed only in slot " + s + "'s half, not in " + q);
                        int other = t == i ? j : i;
                        assertEquals(before.opp()[other][q], after.opp()[t][q], "team " + t + " took the other team's opponent in " + q);
                        assertEquals(before.home()[other][q], after.home()[t][q], "and its venue");
                    }
                }
            }
        }
        assertTrue(made > 100, "moves made: " + made);
        TournamentAnnealing rescored = TournamentAnnealing.from(ix, costs.get(), search.currentAssignments(ix), 1L).orElseThrow();
        assertEquals(rescored.currentHard(), search.currentHard(), "running hard deviation");
        assertEquals(rescored.currentSoft(), search.currentSoft(), 1e-6, "running soft cost");
    }
}
