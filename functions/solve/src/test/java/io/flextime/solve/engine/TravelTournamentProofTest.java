package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import static io.flextime.solve.TinySeasons.hard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.solve.TinySeasons;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.core.model.SeasonIndex;
import io.flextime.solve.model.SmallSchedules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact search of small travel tournaments: against every feasible schedule of four-team seasons
 * (enumerated, judged by the evaluator: no solver involved), against the published optima of NL4 and
 * NL6, and through the solver, which reports NL6 as proven optimal.
 */
class TravelTournamentProofTest {
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @Test
    void findsTheEnumeratedOptimumOfFourTeamSeasons() throws Exception {
        Random random = new Random(5);
        List<Season> seasons = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seasons.add(TinySeasons.withMatrix(symmetric(random), rules(3, 1)));
            seasons.add(TinySeasons.withMatrix(asymmetric(random), rules(3, 1))); // no reversal symmetry to break
            seasons.add(TinySeasons.withMatrix(symmetric(random), rules(2, 0))); // runs of two, rematches allowed
            seasons.add(TinySeasons.withMatrix(symmetric(random), rules(3, 2))); // two slots between meetings
        }
        for (Season season : seasons) {
            double[] least = {Double.POSITIVE_INFINITY};
            new SmallSchedules(season).forEachFeasible((games, e) -> least[0] = Math.min(least[0], e.objective()));
            SeasonIndex ix = new SeasonIndex(season);
            TravelTournamentProof exact = TravelTournamentProof.forSeason(season, ix, season.weights(), Double.POSITIVE_INFINITY)
                    .orElseThrow();
            TravelTournamentProof.Outcome out = exact.search(2, () -> false);
            assertTrue(out.complete());
            if (least[0] == Double.POSITIVE_INFINITY) {
                assertFalse(out.improved(), "no feasible schedule exists, yet one was found: " + season.constraints());
                continue;
            }
            assertTrue(out.improved(), "the enumeration found " + least[0]);
            Evaluation e = evaluator.evaluate(season, TournamentAnnealing.assignments(ix, out.opp(), out.home()), null);
            assertTrue(e.feasible(), e::describeInfeasibility);
            assertEquals(least[0], e.objective(), 1e-6, "optimum of " + season.constraints());
            assertEquals(Math.round(least[0] * 1000), out.bound(), "the proven bound is the optimum, in metres");
        }
    }

    @Test
    void provesNl4AndNl6AndFindsNothingBelowAnOptimumGivenAsCutoff() throws Exception {
        for (String[] known : new String[][] { { "nl4", "8276" }, { "nl6", "23916" } }) {
            Season season = BenchInstances.ttp(CpSatSeasonSolverTest.DATA, known[0]);
            SeasonIndex ix = new SeasonIndex(season);
            double optimum = Double.parseDouble(known[1]);
            TravelTournamentProof.Outcome found = TravelTournamentProof.forSeason(season, ix, season.weights(),
                    Double.POSITIVE_INFINITY).orElseThrow().search(2, () -> false);
            assertTrue(found.complete() && found.improved(), known[0]);
            Evaluation e = evaluator.evaluate(season, TournamentAnnealing.assignments(ix, found.opp(), found.home()), null);
            assertTrue(e.feasible(), e::describeInfeasibility);
            assertEquals(optimum, e.objective(), 1e-6, known[0]);

            TravelTournamentProof.Outcome none = TravelTournamentProof.forSeason(season, ix, season.weights(), optimum)
                    .orElseThrow().search(2, () -> false);
            assertTrue(none.complete(), known[0]);
            assertFalse(none.improved(), known[0] + ": nothing travels less than the optimum");
            assertEquals(Math.round(optimum * 1000), none.bound());
        }
    }

    @Test
    void appliesOnlyWhereItsRulesAreExact() throws Exception {
        Random random = new Random(3);
        Season stricter = TinySeasons.withMatrix(symmetric(random), List.of(
                hard("h", ConstraintType.CA3, "{'mode1':'H','intp':3,'max':1,'teams1':" + allTeams(4) + ",'teams2':" + allTeams(4) + "}")));
        assertTrue(TravelTournamentProof.forSeason(stricter, new SeasonIndex(stricter), stricter.weights(), 1e9).isEmpty(),
                "at most 1 home game in 3 slots is no run limit");
        Season ten = TinySeasons.withMatrix(symmetric(random, 10), rules(10, 3, 1));
        assertTrue(TravelTournamentProof.forSeason(ten, new SeasonIndex(ten), ten.weights(), 1e9).isEmpty(), "ten teams: too many");
        Season eight = TinySeasons.withMatrix(symmetric(random, 8), rules(8, 3, 1));
        assertTrue(TravelTournamentProof.forSeason(eight, new SeasonIndex(eight), eight.weights(), 1e9).isPresent());
    }

    @Test
    void theSolverReportsNl6AsProvenOptimal() throws Exception {
        Season nl6 = BenchInstances.ttp(CpSatSeasonSolverTest.DATA, "nl6");
        List<Incumbent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        SolveResult r = new CpSatSeasonSolver().solve(nl6, SolveSettings.of(Duration.ofSeconds(10)), seen::add);
        assertEquals("OPTIMAL", r.status());
        assertEquals(23916.0, r.objective(), 1e-6);
        assertEquals(23916.0, r.bestBound(), 1e-6);
        assertEquals(Boolean.TRUE, r.statistics().get("exact_search_complete"));
        assertFalse(r.statistics().containsKey("annealing_moves"), "six teams: proven without the annealing");
        assertTrue(r.elapsedSeconds() < 5, "proven at once, not after the annealing's patience: " + r.elapsedSeconds() + " s");
        assertFalse(seen.isEmpty());
        for (Incumbent inc : seen) {
            assertTrue(inc.bestBound() <= inc.objective() + 1e-9 && inc.bestBound() <= 23916.0 + 1e-9);
        }
    }

    /** TTP-like rules on four teams: at most {@code run} home (away) games in a row, {@code gap} slots between meetings. */
    private static List<SeasonConstraint> rules(int run, int gap) {
        return rules(4, run, gap);
    }

    private static List<SeasonConstraint> rules(int n, int run, int gap) {
        String all = allTeams(n);
        List<SeasonConstraint> rules = new ArrayList<>();
        for (String mode : new String[] { "H", "A" }) {
            rules.add(hard("run" + mode, ConstraintType.CA3, "{'mode1':'" + mode + "','intp':" + (run + 1) + ",'max':" + run
                    + ",'teams1':" + all + ",'teams2':" + all + "}"));
        }
        if (gap > 0) {
            rules.add(hard("gap", ConstraintType.SE1, "{'min':" + gap + ",'teams':" + all + "}"));
        }
        return rules;
    }

    private static String allTeams(int n) {
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            ids.add("'t" + t + "'");
        }
        return "[" + String.join(",", ids) + "]";
    }

    private static double[][] symmetric(Random random) {
        return symmetric(random, 4);
    }

    private static double[][] symmetric(Random random, int n) {
        double[][] km = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                km[i][j] = km[j][i] = 10 + random.nextInt(500);
            }
        }
        return km;
    }

    private static double[][] asymmetric(Random random) {
        double[][] km = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                km[i][j] = i == j ? 0 : 10 + random.nextInt(500);
            }
        }
        return km;
    }
}
