package io.flextime.solve.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.solve.evaluator.Evaluation;
import io.flextime.solve.evaluator.ScheduleEvaluator;
import io.flextime.solve.model.SeasonIndex;
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
        TournamentAnnealing.Rules rules = TournamentAnnealing.rulesOf(nl8, ix).orElseThrow();
        TournamentAnnealing search = TournamentAnnealing.from(ix, rules, circleMethod(ix), 11L).orElseThrow();
        for (int round = 0; round < 20; round++) {
            search.run(0.02, () -> false);
            assertTrue(search.isValid(), "a double round robin after " + search.moves() + " moves");
            TournamentAnnealing fresh = TournamentAnnealing.from(ix, rules, current(search, ix), 1L).orElseThrow();
            assertEquals(fresh.currentTravel(), search.currentTravel(), "running travel total after " + search.moves() + " moves");
            assertEquals(fresh.currentViolations(), search.currentViolations(), "running violations after " + search.moves() + " moves");
        }
        assertTrue(search.moves() > 1000, "moves made: " + search.moves());
    }

    @Test
    void findsAFeasibleScheduleTheEvaluatorScoresAsItDoes() throws Exception {
        Season nl6 = BenchInstances.ttp(CpSatSeasonSolverTest.DATA, "nl6");
        SeasonIndex ix = new SeasonIndex(nl6);
        TournamentAnnealing.Rules rules = TournamentAnnealing.rulesOf(nl6, ix).orElseThrow();
        List<Assignment> start = circleMethod(ix);
        Evaluation before = evaluator.evaluate(nl6, start, null);
        TournamentAnnealing search = TournamentAnnealing.from(ix, rules, start, 5L).orElseThrow();
        search.run(3.0, () -> false);

        assertTrue(search.hasBest(), "a schedule that keeps the rules");
        Evaluation best = evaluator.evaluate(nl6, search.best(ix).games(), null);
        assertTrue(best.feasible(), best::describeInfeasibility);
        assertEquals(search.bestTravel() / 1000.0, best.objective(), 1e-6, "the search's travel is the evaluator's objective");
        assertTrue(!before.feasible() || best.objective() < before.objective(), best.objective() + " vs start " + before.objective());
    }

    @Test
    void appliesOnlyToTheTravelTournamentShape() throws Exception {
        Season nl6 = BenchInstances.ttp(CpSatSeasonSolverTest.DATA, "nl6");
        assertTrue(TournamentAnnealing.rulesOf(nl6, new SeasonIndex(nl6)).isPresent());
        List<SeasonConstraint> soft = new ArrayList<>();
        for (SeasonConstraint c : nl6.constraints()) {
            soft.add(new SeasonConstraint(c.id(), c.type(), false, 5, c.params()));
        }
        Season withSoft = new Season(nl6.season(), nl6.name(), nl6.sport(), nl6.start(), nl6.end(), nl6.timeZone(), nl6.format(),
                nl6.weights(), false, nl6.teams(), nl6.venues(), nl6.slots(), soft, nl6.matchups(), nl6.distances());
        assertTrue(TournamentAnnealing.rulesOf(withSoft, new SeasonIndex(withSoft)).isEmpty(),
                "soft rules are not scored by the annealing: it must not run");
    }

    /** The circle method: team n-1 fixed, the others rotating; second half mirrored with venues swapped. */
    static List<Assignment> circleMethod(SeasonIndex ix) {
        int n = ix.n;
        int half = n - 1;
        List<Assignment> games = new ArrayList<>();
        for (int r = 0; r < half; r++) {
            for (int k = 0; k < n / 2; k++) {
                int a = k == 0 ? n - 1 : (r + k) % half;
                int b = (r + half - k) % half;
                if (k == 0) {
                    b = r % half;
                }
                boolean aHome = (r + k) % 2 == 0;
                int h = aHome ? a : b;
                int w = aHome ? b : a;
                games.add(new Assignment(ix.slotIndex(r), ix.teamId(h), ix.teamId(w)));
                games.add(new Assignment(ix.slotIndex(r + half), ix.teamId(w), ix.teamId(h)));
            }
        }
        return games;
    }

    private static List<Assignment> current(TournamentAnnealing search, SeasonIndex ix) {
        return search.currentAssignments(ix);
    }
}
