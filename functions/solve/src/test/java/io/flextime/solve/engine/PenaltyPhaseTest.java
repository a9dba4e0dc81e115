package io.flextime.solve.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.solve.model.TravelLowerBound;
import io.flextime.solve.profile.InstanceFeatures;
import io.flextime.solve.profile.ProfileSelector;
import io.flextime.solve.profile.SolverProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The penalty phase on the Big 12 sample, from a feasible schedule of a short solve: what it reports and
 * keeps is judged under the season's real weights (travel and penalties), not the penalty-only model's.
 */
class PenaltyPhaseTest {
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @Test
    void lowersTheRealObjectiveAndReportsOnlyWhatIsBetterUnderIt() throws Exception {
        io.flextime.rules.model.OrToolsNatives.ensureLoaded(); // the travel bound's LP may be the first OR-Tools call
        Season big12 = softSequenceRules(BenchInstances.seasonJson(Path.of("../../samples/big12-mbb-2025-26/season.json")));
        ObjectiveWeights weights = big12.weights();
        SolverProfile calendar = new ProfileSelector().choose(InstanceFeatures.of(big12, weights.travel(), false, false));
        assertEquals("calendar", calendar.name());
        assertTrue(PenaltyPhase.applies(big12, weights), "soft rules with penalties, and travel");

        // a feasible start: the repair phase's first schedule (the calendar search would leave no penalties to pay)
        List<Incumbent> reported = new ArrayList<>();
        double travelBound = TravelLowerBound.total(new SeasonIndex(big12)) / 1000.0;
        SolveRun run = new SolveRun(big12, new SeasonIndex(big12), weights, SolveSettings.of(Duration.ofSeconds(16)), calendar,
                reported::add, System.nanoTime(), travelBound);
        assertTrue(new RepairPhase().search(run).isEmpty());
        assertTrue(run.best != null, "a feasible start: " + run.stats);
        List<Assignment> startGames = run.best;
        Evaluation start = evaluator.evaluate(big12, startGames, weights);
        reported.clear();
        run.solutions = 5;
        Map<String, Object> stats = run.stats;
        assertTrue(new PenaltyPhase().search(run).isEmpty(), "the phase leaves the result to the phases after it");
        var outcome = java.util.Optional.ofNullable(run.best == startGames ? null
                : new PenaltyPhase.Outcome(run.best, evaluator.evaluate(big12, run.best, weights), run.solutions - 5));

        assertTrue(outcome.isPresent(), "a better schedule than the start (" + start.objective() + ")");
        Evaluation best = evaluator.evaluate(big12, outcome.get().games(), weights);
        assertTrue(best.feasible(), best::describeInfeasibility);
        assertEquals(best.objective(), outcome.get().evaluation().objective(), 1e-6);
        assertTrue(best.objective() < start.objective(), best.objective() + " vs start " + start.objective());
        assertEquals(outcome.get().improvements(), reported.size());
        double previous = start.objective();
        for (int k = 0; k < reported.size(); k++) {
            Incumbent inc = reported.get(k);
            Evaluation e = evaluator.evaluate(big12, inc.games(), weights);
            assertEquals(e.objective(), inc.objective(), 1e-6, "reported under the real weights");
            assertTrue(inc.objective() < previous, "each report better than the one before");
            assertTrue(inc.bestBound() <= inc.objective() && inc.bestBound() > 0, "bound " + inc.bestBound());
            assertEquals(5 + k + 1, inc.solutionNumber(), "numbered after the solutions reported before the phase");
            previous = inc.objective();
        }
        assertEquals(best.objective(), previous, 1e-6, "the last report is the kept schedule");
        assertTrue((Double) stats.get("penalty_phase_seconds") < 14.0, "within its time: " + stats);
    }

    /**
     * The sample with its hard sequence rules (first/last four games, no Saturday–Monday–Wednesday, similar
     * weekend home games) soft at 50 per unit: the CP-SAT repair phase this test starts from finds no
     * schedule keeping all of them within its 16 s (the calendar search does, but leaves the penalty phase
     * nothing to do), and what is tested here is the penalty phase, on a dated season with travel and
     * penalties.
     */
    private static Season softSequenceRules(Season s) {
        java.util.Set<io.flextime.core.model.ConstraintType> sequence = java.util.EnumSet.of(
                io.flextime.core.model.ConstraintType.GAME_WINDOW, io.flextime.core.model.ConstraintType.WEEKDAY_PATTERN,
                io.flextime.core.model.ConstraintType.GAMES_SPREAD);
        List<io.flextime.core.model.SeasonConstraint> rules = s.constraints().stream()
                .map(c -> c.hard() && sequence.contains(c.type()) ? c.withHardness(false, 50) : c).toList();
        return new Season(s.season(), s.name(), s.sport(), s.start(), s.end(), s.timeZone(), s.format(), s.weights(),
                s.autoSolve(), s.teams(), s.venues(), s.slots(), rules, s.matchups(), s.distances());
    }
}
