package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import static io.flextime.solve.TinySeasons.hard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.core.model.SeasonFormat.TravelMode;
import io.flextime.core.model.Venue;
import io.flextime.solve.TinySeasons;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.solve.model.TravelLowerBound;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The engine end to end on real benchmark instances and hand-made seasons. */
class CpSatSeasonSolverTest {
    /** The repository's reference instances (data/README.md). */
    static final Path DATA = BenchInstances.repoData();
    private final CpSatSeasonSolver solver = new CpSatSeasonSolver();
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @Test
    void nl4IsSolvedToItsKnownOptimum() throws Exception {
        Season nl4 = BenchInstances.ttp(DATA, "nl4");
        SolveResult r = solver.solve(nl4, SolveSettings.of(Duration.ofSeconds(30)), SolutionListener.NONE);
        assertEquals("OPTIMAL", r.status());
        assertEquals(8276.0, r.objective(), 1e-9);
        assertEquals(8276.0, r.travelPerTeam().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        assertEquals(r.objective(), r.bestBound(), 1e-9);
    }

    @Test
    void itcTest4IsSolvedToItsProvenOptimum() throws Exception {
        // ITC2021_Test4: 6 teams, proven optimum 4535 (best_known.csv); the engine proves it in about a second.
        Season test4 = BenchInstances.itc(DATA, "Test4");
        SolveResult r = solver.solve(test4, SolveSettings.of(Duration.ofSeconds(60)), SolutionListener.NONE);
        assertEquals("OPTIMAL", r.status());
        assertEquals(4535.0, r.objective(), 1e-9);
        Evaluation e = evaluator.evaluate(test4, r.games(), null);
        assertTrue(e.feasible());
        assertEquals(4535.0, e.softPenalties().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void everyReportedSolutionEvaluatesToItsObjective() throws Exception {
        // Test1 has soft constraints of every RobinX family it uses; the search reports many incumbents.
        Season test1 = BenchInstances.itc(DATA, "Test1");
        List<Incumbent> seen = Collections.synchronizedList(new ArrayList<>());
        SolveResult r = solver.solve(test1, SolveSettings.of(Duration.ofSeconds(8)), seen::add);
        assertTrue(r.hasSolution());
        assertFalse(seen.isEmpty());
        double previous = Double.POSITIVE_INFINITY;
        for (Incumbent inc : seen) {
            Evaluation e = evaluator.evaluate(test1, inc.games(), null);
            assertTrue(e.feasible(), e::describeInfeasibility);
            assertEquals(e.objective(), inc.objective(), 1e-9);
            assertTrue(inc.objective() < previous, "incumbents improve");
            assertTrue(inc.bestBound() <= inc.objective() + 1e-9);
            previous = inc.objective();
        }
        assertEquals(previous, r.objective(), 1e-9);
    }

    @Test
    void infeasibleSeasonNamesItsConflictingConstraints() {
        // t0 may not play at home in slots 0-2 nor away in slots 0-2, but a compact season makes it play
        // there; t1's rule is satisfiable and must not be named.
        Season season = TinySeasons.compactDouble(4, List.of(
                hard("t0-not-home", ConstraintType.CA1, "{'teams':['t0'],'mode':'H','max':0,'slots':[0,1,2]}"),
                hard("t0-not-away", ConstraintType.CA1, "{'teams':['t0'],'mode':'A','max':0,'slots':[0,1,2]}"),
                hard("t1-harmless", ConstraintType.CA1, "{'teams':['t1'],'mode':'H','max':3,'slots':[0,1,2,3,4,5]}")));
        SolveResult r = solver.solve(season, SolveSettings.of(Duration.ofSeconds(20)), SolutionListener.NONE);
        assertEquals("INFEASIBLE", r.status());
        Set<String> named = r.conflicts().stream().map(SolveResult.Conflict::constraintId).collect(Collectors.toSet());
        assertEquals(Set.of("t0-not-home", "t0-not-away"), named);
        assertTrue(r.games().isEmpty());
    }

    @Test
    void reportedBoundsAreAtLeastTheTravelLowerBound() throws Exception {
        // The bound of the result and of every incumbent, before and after the exact search proves NL6,
        // must hold the independent lower bound (a valid bound for every schedule) and never pass the objective.
        Season nl6 = BenchInstances.ttp(DATA, "nl6");
        double travelBound = TravelLowerBound.objective(nl6, nl6.weights());
        List<Incumbent> seen = Collections.synchronizedList(new ArrayList<>());
        SolveResult r = solver.solve(nl6, SolveSettings.of(Duration.ofSeconds(3)), seen::add);
        assertTrue(travelBound > 0.9 * 23916, "NL6 travel bound " + travelBound);
        assertEquals(travelBound, (Double) r.statistics().get("travel_lower_bound"), 1e-9);
        assertTrue(r.hasSolution());
        assertTrue(r.bestBound() >= travelBound - 1e-9 && r.bestBound() <= r.objective() + 1e-9, r.bestBound() + " vs " + travelBound);
        assertTrue(r.gap() <= (r.objective() - travelBound) / r.objective() + 1e-9, "gap " + r.gap());
        for (Incumbent inc : seen) {
            assertTrue(inc.bestBound() >= Math.min(travelBound, inc.objective()) - 1e-9 && inc.bestBound() <= inc.objective() + 1e-9);
        }
    }

    @Test
    void checkpointHintWithCutoffIsProvenOptimal() throws Exception {
        // A continuation passes the checkpoint as hint and its objective as cutoff; when nothing is
        // better, the checkpoint itself is the answer.
        Season nl4 = BenchInstances.ttp(DATA, "nl4");
        SolveResult first = solver.solve(nl4, SolveSettings.of(Duration.ofSeconds(30)), SolutionListener.NONE);
        SolveResult again = solver.solve(nl4, new SolveSettings(Duration.ofSeconds(30), 0, null, null, first.games(),
                first.objective(), null), SolutionListener.NONE);
        assertEquals("OPTIMAL", again.status());
        assertEquals(8276.0, again.objective(), 1e-9);
        assertEquals(first.games(), again.games());
    }

    @Test
    void stopRequestEndsTheSearchPromptly() throws Exception {
        // A cancel or an invocation deadline: the job side flips stopRequested; a 60 s solve ends at once.
        Season test1 = BenchInstances.itc(DATA, "Test1");
        long start = System.nanoTime();
        SolveResult r = solver.solve(test1, new SolveSettings(Duration.ofSeconds(60), 0, null, null, List.of(), null,
                () -> (System.nanoTime() - start) > 1_000_000_000L), SolutionListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "stopped after " + seconds + " s");
        assertNotEquals("OPTIMAL", r.status());
    }

    @Test
    void modelHashFollowsSeasonAndWeights() throws Exception {
        Season nl4 = BenchInstances.ttp(DATA, "nl4");
        SolveSettings plain = SolveSettings.of(Duration.ofSeconds(1));
        SolveSettings weighted = new SolveSettings(Duration.ofSeconds(1), 0, null, new ObjectiveWeights(2, 1), List.of(), null, null);
        assertEquals(solver.modelHash(nl4, plain), solver.modelHash(BenchInstances.ttp(DATA, "nl4"), plain));
        assertNotEquals(solver.modelHash(nl4, plain), solver.modelHash(nl4, weighted));
        assertNotEquals(solver.modelHash(nl4, plain), solver.modelHash(BenchInstances.ttp(DATA, "nl6"), plain));
    }

    @Test
    void relaxedPartialSeasonWithByesTravelsVenueToVenue() {
        // 6 teams on 8 dated slots two days apart, each plays 6 games (the 5 opponents once, 1 of them
        // twice), so every team has byes; at most 2 road games in a row across byes; real coordinates.
        List<Venue> venues = List.of(
                new Venue("v0", "A", null, 39.0, -95.0, null, null), new Venue("v1", "B", null, 39.2, -96.6, null, null),
                new Venue("v2", "C", null, 41.0, -93.6, null, null), new Venue("v3", "D", null, 36.1, -97.1, null, null),
                new Venue("v4", "E", null, 31.5, -97.1, null, null), new Venue("v5", "F", null, 29.7, -95.4, null, null));
        SeasonFormat partial = new SeasonFormat(RoundRobin.PARTIAL, false, false, false, 6, 1, 2, TravelMode.VENUE_TO_VENUE);
        Season season = new Season("p", "partial", "test", null, null, null, partial, ObjectiveWeights.DEFAULT, false,
                TinySeasons.teams(6), venues, TinySeasons.slots(8, LocalDate.of(2026, 1, 3), 2),
                List.of(hard("trip", ConstraintType.MAX_ROAD_TRIP, "{'max':2}"),
                        TinySeasons.soft("sep", ConstraintType.SE1, 50, "{'min':4}")), List.of(), List.of());
        List<Incumbent> seen = Collections.synchronizedList(new ArrayList<>());
        SolveResult r = solver.solve(season, SolveSettings.of(Duration.ofSeconds(20)), seen::add);
        assertTrue(r.hasSolution(), () -> r.status() + " " + r.statistics());
        Evaluation e = evaluator.evaluate(season, r.games(), null);
        assertTrue(e.feasible(), e::describeInfeasibility);
        assertEquals(18, r.games().size());
        assertEquals(e.objective(), r.objective(), 1e-9);
        assertTrue(e.totalKm() > 0);
        for (Incumbent inc : seen) {
            assertEquals(evaluator.evaluate(season, inc.games(), null).objective(), inc.objective(), 1e-9);
        }
    }
}
