package io.flextime.solve.model;

import io.flextime.core.model.SeasonIndex;
import static io.flextime.solve.TinySeasons.hard;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.core.model.SeasonFormat.TravelMode;
import io.flextime.solve.TinySeasons;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.solve.engine.CpSatSeasonSolver;
import io.flextime.solve.engine.SolutionListener;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The independent travel lower bound: hand-computed values on four teams on a line (0, 100, 200, 300 km),
 * and validity against every feasible schedule of tiny seasons (enumerated, judged by the evaluator) and
 * against known optima.
 */
class TravelLowerBoundTest {
    static final Path DATA = BenchInstances.repoData();
    static final double[][] LINE = line(4, 100);
    static final SeasonConstraint TRIPS_OF_TWO = hard("trip2", ConstraintType.MAX_ROAD_TRIP, "{'max':2}");

    @Test
    void ttpRulesOnALineGiveOneTripPerTeam() {
        // ≤ 3 away in a row = all three away venues in one trip; on a line that trip is twice the span.
        assertArrayEquals(new long[] {600, 600, 600, 600}, km(TinySeasons.withMatrix(LINE, TinySeasons.ttpRules())));
        assertArrayEquals(new long[] {600, 600, 600, 600}, km(TinySeasons.withMatrix(LINE, List.of())));
    }

    @Test
    void tripsOfTwoOnALineMatchTheHandComputedSplit() {
        // t0: {100} + {200, 300} = 200 + 600; t1: {0} + {200, 300} = 200 + 400; t2 mirrors t1, t3 mirrors t0.
        Season season = TinySeasons.withMatrix(LINE, List.of(TRIPS_OF_TWO));
        assertArrayEquals(new long[] {800, 600, 600, 800}, km(season));
        assertEquals(TravelLowerBound.Method.EXACT, TravelLowerBound.team(new SeasonIndex(season), 0).method());
    }

    @Test
    void neverAboveAnyFeasibleScheduleAndTheSolverStillFindsTheTrueOptimum() {
        List<Season> seasons = new java.util.ArrayList<>(List.of(TinySeasons.withMatrix(LINE, List.of(TRIPS_OF_TWO)),
                TinySeasons.withMatrix(LINE, TinySeasons.ttpRules())));
        Random random = new Random(7);
        for (int i = 0; i < 3; i++) {
            // symmetric, integral, and breaking the triangle inequality now and then
            seasons.add(TinySeasons.withMatrix(randomMatrix(random, 4), List.of(TRIPS_OF_TWO)));
        }
        // PARTIAL: the solver picks the away venues (4 games, one opponent twice, 4 slots)
        seasons.add(withFormat(TinySeasons.withMatrix(LINE, List.of(TRIPS_OF_TWO)),
                new SeasonFormat(RoundRobin.PARTIAL, true, false, false, 4, 1, null, TravelMode.VENUE_TO_VENUE), 4));
        for (Season season : seasons) {
            long[] bound = metres(season);
            long[] cheapest = new long[bound.length];
            Arrays.fill(cheapest, Long.MAX_VALUE);
            double[] optimum = {Double.POSITIVE_INFINITY};
            AtomicInteger feasible = new AtomicInteger();
            new SmallSchedules(season).forEachFeasible((games, e) -> {
                feasible.incrementAndGet();
                for (int t = 0; t < bound.length; t++) {
                    long travelled = Math.round(e.travelKm().get("t" + t) * 1000);
                    cheapest[t] = Math.min(cheapest[t], travelled);
                }
                optimum[0] = Math.min(optimum[0], e.totalKm());
            });
            assertTrue(feasible.get() > 0, () -> "no feasible schedule of " + season.format() + " " + season.constraints());
            for (int t = 0; t < bound.length; t++) {
                assertTrue(bound[t] > 0 && bound[t] <= cheapest[t], "team " + t + ": bound " + bound[t] + ", cheapest " + cheapest[t]);
            }
            assertTrue(Arrays.stream(bound).sum() / 1000.0 <= optimum[0] + 1e-9);
            // the model carries the bound as a cut: it must not cut the optimum off
            SolveResult r = new CpSatSeasonSolver().solve(season, SolveSettings.of(Duration.ofSeconds(30)), SolutionListener.NONE);
            assertEquals("OPTIMAL", r.status());
            assertEquals(optimum[0], r.objective(), 1e-6);
        }
    }

    @Test
    void partialSeasonTakesTheCheapestPossibleAwaySet() {
        // 4 games each (one opponent twice): at least 2 away venues; one road game per trip.
        // t0: 0→100→0 + 0→200→0 = 600; t1: 100→0→100 + 100→200→100 = 400; symmetric for t2, t3.
        Season season = withFormat(TinySeasons.withMatrix(LINE, List.of(hard("trip1", ConstraintType.MAX_ROAD_TRIP, "{'max':1}"))),
                new SeasonFormat(RoundRobin.PARTIAL, false, false, false, 4, 1, null, TravelMode.VENUE_TO_VENUE), 6);
        assertArrayEquals(new long[] {600, 400, 400, 600}, km(season));
    }

    @Test
    void repeatedVisitsOfGivenMatchupsCountEachVenueOnce() {
        // every ordered pair twice (explicit matchups): t0 still needs {100} and {200, 300} in trips of two.
        Season line = TinySeasons.withMatrix(LINE, List.of(TRIPS_OF_TWO));
        List<io.flextime.core.model.Matchup> twice = new java.util.ArrayList<>();
        for (int h = 0; h < 4; h++) {
            for (int a = 0; a < 4; a++) {
                if (h != a) {
                    twice.add(new io.flextime.core.model.Matchup("t" + h, "t" + a, 2));
                }
            }
        }
        Season season = new Season(line.season(), line.name(), line.sport(), null, null, null, line.format(), line.weights(), false,
                line.teams(), line.venues(), TinySeasons.slots(12, null, 0), line.constraints(), twice, line.distances());
        assertArrayEquals(new long[] {800, 600, 600, 800}, km(season));
    }

    @Test
    void returnHomeIsTheExactSumOfRoundTrips() {
        Season season = withFormat(TinySeasons.withMatrix(LINE, List.of()),
                new SeasonFormat(RoundRobin.DOUBLE, true, false, false, null, null, null, TravelMode.RETURN_HOME), 6);
        long[] bound = km(season);
        assertArrayEquals(new long[] {1200, 800, 800, 1200}, bound);
        new SmallSchedules(season).forEachFeasible((games, e) -> {
            for (int t = 0; t < 4; t++) {
                assertEquals(bound[t], e.travelKm().get("t" + t), 1e-9);
            }
        });
    }

    @Test
    void singleRoundRobinHasNoBoundBecauseATeamMayHostEveryGame() {
        Season season = withFormat(TinySeasons.withMatrix(LINE, List.of()),
                new SeasonFormat(RoundRobin.SINGLE, true, false, false, null, null, null, TravelMode.VENUE_TO_VENUE), 3);
        assertArrayEquals(new long[] {0, 0, 0, 0}, km(season));
        assertEquals(TravelLowerBound.Method.NONE, TravelLowerBound.team(new SeasonIndex(season), 0).method());
        double[] least = {Double.POSITIVE_INFINITY};
        new SmallSchedules(season).forEachFeasible((games, e) -> least[0] = Math.min(least[0], e.travelKm().get("t0")));
        assertEquals(0.0, least[0]);
    }

    @Test
    void manyVenuesFallBackToHalfTheCheapestLegsInAndOut() {
        // 18 teams on a circle, 1 km between neighbours: 17 away venues > the exact DP's limit; each
        // venue is entered and left by a leg of at least 1 km: 17 km per team.
        Season eighteen = TinySeasons.withMatrix(circle(18), TinySeasons.ttpRules());
        SeasonIndex ix = new SeasonIndex(eighteen);
        for (int t = 0; t < 18; t++) {
            assertEquals(new TravelLowerBound.TeamBound(17_000, TravelLowerBound.Method.PER_VENUE), TravelLowerBound.team(ix, t));
        }
        // where both apply, the exact bound is at least the fallback
        SeasonIndex sixteen = new SeasonIndex(TinySeasons.withMatrix(circle(16), TinySeasons.ttpRules()));
        TravelLowerBound.TeamBound exact = TravelLowerBound.team(sixteen, 0);
        assertEquals(TravelLowerBound.Method.EXACT, exact.method());
        long fallback = TravelLowerBound.perVenue(TravelLowerBound.closure(sixteen.metres()), 0, TravelLowerBound.awaySet(sixteen, 0));
        assertEquals(15_000, fallback);
        assertTrue(exact.metres() > fallback, exact + " vs " + fallback);
    }

    @Test
    void ttpInstancesStayBelowTheirProvenOptima() throws Exception {
        // NL4 8276 and NL6 23916 are proven optima (best_known.csv of the TTP library).
        long nl4 = Arrays.stream(metres(BenchInstances.ttp(DATA, "nl4"))).sum();
        long nl6 = Arrays.stream(metres(BenchInstances.ttp(DATA, "nl6"))).sum();
        assertTrue(nl4 > 0 && nl4 <= 8_276_000, "NL4 bound " + nl4);
        assertTrue(nl6 > 0 && nl6 <= 23_916_000, "NL6 bound " + nl6);
        assertTrue(nl6 > 0.9 * 23_916_000, "NL6 bound " + nl6 + " is within 10% of the optimum");
    }

    static long[] metres(Season season) {
        return Arrays.stream(TravelLowerBound.perTeam(new SeasonIndex(season))).mapToLong(TravelLowerBound.TeamBound::metres).toArray();
    }

    static long[] km(Season season) {
        return Arrays.stream(metres(season)).map(m -> m / 1000).toArray();
    }

    static Season withFormat(Season s, SeasonFormat format, int slots) {
        return new Season(s.season(), s.name(), s.sport(), s.start(), s.end(), s.timeZone(), format, s.weights(), false,
                s.teams(), s.venues(), TinySeasons.slots(slots, null, 0), s.constraints(), s.matchups(), s.distances());
    }

    static double[][] line(int n, double step) {
        double[][] km = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                km[i][j] = Math.abs(i - j) * step;
            }
        }
        return km;
    }

    static double[][] circle(int n) {
        double[][] km = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                km[i][j] = Math.min(Math.abs(i - j), n - Math.abs(i - j));
            }
        }
        return km;
    }

    static double[][] randomMatrix(Random random, int n) {
        double[][] km = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                km[i][j] = km[j][i] = 10 + random.nextInt(500);
            }
        }
        return km;
    }
}
