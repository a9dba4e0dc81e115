package io.flextime.solve.model;

import io.flextime.rules.model.OrToolsNatives;
import io.flextime.core.model.SeasonIndex;
import static io.flextime.solve.TinySeasons.hard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.core.model.SeasonFormat.TravelMode;
import io.flextime.solve.TinySeasons;
import io.flextime.solve.bench.BenchInstances;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coupled away-set bound: never above the travel of any feasible schedule (tiny seasons, enumerated and
 * judged by the evaluator), equal to the linear relaxation over every column (so the column generation's
 * pricing is right), and above the independent bound where the teams' cheapest sets collide (the Big 12).
 */
class AwaySetBoundTest {
    private static final SeasonConstraint TRIPS_OF_TWO = hard("trip2", ConstraintType.MAX_ROAD_TRIP, "{'max':2}");

    @BeforeAll
    static void natives() {
        OrToolsNatives.ensureLoaded();
    }

    @Test
    void neverAboveTheTravelOfAnyFeasibleSchedule() {
        Random random = new Random(3);
        List<Season> seasons = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double[][] km = TravelLowerBoundTest.randomMatrix(random, 4);
            // PARTIAL: 4 games, one opponent twice (every pair meets), trips of at most two
            seasons.add(TravelLowerBoundTest.withFormat(TinySeasons.withMatrix(km, List.of(TRIPS_OF_TWO)),
                    new SeasonFormat(RoundRobin.PARTIAL, true, false, false, 4, 1, null, TravelMode.VENUE_TO_VENUE), 4));
            // SINGLE: every pair once, at either venue (the independent bound is 0: a team may host everything)
            seasons.add(TravelLowerBoundTest.withFormat(TinySeasons.withMatrix(km, List.of()),
                    new SeasonFormat(RoundRobin.SINGLE, true, false, false, null, null, null, TravelMode.VENUE_TO_VENUE), 3));
        }
        for (Season season : seasons) {
            long bound = AwaySetBound.metres(new SeasonIndex(season));
            double[] least = {Double.POSITIVE_INFINITY};
            AtomicInteger feasible = new AtomicInteger();
            new SmallSchedules(season).forEachFeasible((games, e) -> {
                feasible.incrementAndGet();
                least[0] = Math.min(least[0], e.totalKm());
            });
            assertTrue(feasible.get() > 0, "schedules of " + season.format());
            assertTrue(bound > 0, season.format().roundRobin() + ": a bound");
            assertTrue(bound <= Math.round(least[0] * 1000), season.format().roundRobin() + ": bound " + bound
                    + " m above the least travel of a feasible schedule, " + least[0] + " km");
        }
    }

    @Test
    void columnGenerationReachesTheRelaxationOverEveryColumn() {
        // 12 teams at random places, 12 games each (one opponent twice, so every pair meets), trips of at most two: 462 sets a team
        Random random = new Random(11);
        double[][] km = TravelLowerBoundTest.randomMatrix(random, 12);
        Season season = TravelLowerBoundTest.withFormat(TinySeasons.withMatrix(km, List.of(TRIPS_OF_TWO)),
                new SeasonFormat(RoundRobin.PARTIAL, false, false, false, 12, 1, null, TravelMode.VENUE_TO_VENUE), 30);
        SeasonIndex ix = new SeasonIndex(season);
        long generated = AwaySetBound.metres(ix);
        double everyColumn = relaxationOverEveryColumn(ix, 12);
        // the bound gives up a metre or two to GLOP's tolerances
        assertEquals(everyColumn, generated, 3.0, "column generation against the LP with all columns");
        long independent = Arrays.stream(TravelLowerBound.perTeam(ix)).mapToLong(TravelLowerBound.TeamBound::metres).sum();
        assertTrue(generated >= independent, generated + " vs the independent " + independent);
    }

    @Test
    void bigTwelveSampleIsBoundedWellAboveItsTeamsOwnBounds() throws Exception {
        Season big12 = BenchInstances.seasonJson(Path.of("../../samples/big12-mbb-2025-26/season.json"));
        SeasonIndex ix = new SeasonIndex(big12);
        long independent = Arrays.stream(TravelLowerBound.perTeam(ix)).mapToLong(TravelLowerBound.TeamBound::metres).sum();
        long coupled = AwaySetBound.metres(ix);
        assertEquals(164_687, Math.round(independent / 1000.0), "each team's cheapest nine venues");
        // nearby teams can no longer all visit each other: every pair meets, so somebody visits the far venues
        assertTrue(coupled > 1.2 * independent, coupled + " vs " + independent);
        assertEquals(coupled, TravelLowerBound.total(ix), "the total bound the solver reports and cuts with");
        assertEquals(coupled / 1000.0, TravelLowerBound.objective(big12, new ObjectiveWeights(1.0, 1000.0)), 1e-9);
    }

    /** min Σ cost over every admissible set of every team, with the format's coupling rows (no slack). */
    private static double relaxationOverEveryColumn(SeasonIndex ix, int games) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        int n = ix.n;
        MPConstraint[] one = new MPConstraint[n];
        MPConstraint[] played = new MPConstraint[n];
        MPConstraint[][] pair = new MPConstraint[n][n];
        for (int t = 0; t < n; t++) {
            one[t] = lp.makeConstraint(1, 1);
            played[t] = lp.makeConstraint(games, games);
            for (int o = t + 1; o < n; o++) {
                pair[t][o] = lp.makeConstraint(1, Double.POSITIVE_INFINITY);
                pair[o][t] = pair[t][o];
            }
        }
        for (int t = 0; t < n; t++) {
            AwaySetBound.TeamSets sets = TravelLowerBound.admissibleSets(ix, t);
            for (int mask = 0; mask < sets.value().length; mask++) {
                if (!sets.admissible()[mask]) {
                    continue;
                }
                MPVariable x = lp.makeNumVar(0, 1, "");
                lp.objective().setCoefficient(x, sets.value()[mask]);
                one[t].setCoefficient(x, 1);
                played[t].setCoefficient(x, Integer.bitCount(mask));
                for (int b = 0; b < sets.candidates().length; b++) {
                    if ((mask & (1 << b)) != 0) {
                        int o = sets.candidates()[b];
                        played[o].setCoefficient(x, 1);
                        pair[t][o].setCoefficient(x, 1);
                    }
                }
            }
        }
        lp.objective().setMinimization();
        assertEquals(MPSolver.ResultStatus.OPTIMAL, lp.solve());
        double value = lp.objective().value();
        lp.delete();
        return value;
    }
}
