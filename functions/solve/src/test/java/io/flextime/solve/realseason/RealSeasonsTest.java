package io.flextime.solve.realseason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.solve.engine.CpSatSeasonSolver;
import io.flextime.solve.engine.SolutionListener;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.solve.realseason.RealSeasonVariants.Variant;
import io.flextime.rules.evaluator.Assignment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Real conference seasons ({@code data/conferences}) through the whole solver: with every real game
 * fixed it returns exactly the real schedule's travel, computed independently from the data (a check
 * of the model, the evaluator and the derivation); with the real matchups on the real calendar under
 * the rules the real schedule keeps, it finds a feasible schedule within the budget.
 */
class RealSeasonsTest {
    private static final Path DATA = Path.of("../../data/conferences");
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @Test
    void theRealScheduleKeepsEveryDerivedRule() throws Exception {
        List<Path> folders;
        try (Stream<Path> list = Files.list(DATA)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(folders.size() >= 20, "the real seasons of data/conferences");
        for (Path folder : folders) {
            RealSchedule real = RealSchedule.read(folder);
            List<Assignment> played = new ArrayList<>();
            List<LocalDate> dates = real.dates();
            real.games().forEach(g -> played.add(new Assignment(dates.indexOf(g.date()), g.home(), g.away())));
            for (Variant v : Variant.values()) {
                Season season = RealSeasonVariants.derive(real, v).season();
                if (season == null || !season.matchups().isEmpty() || v == Variant.FIXED) {
                    if (season != null) {
                        Evaluation eval = evaluator.evaluate(season, played, null);
                        assertTrue(eval.feasible(), () -> folder.getFileName() + " " + v + ": " + eval.describeInfeasibility());
                        assertEquals(real.travelKm(), eval.totalKm(), 0.001 * real.games().size() * 2, folder + " " + v);
                    }
                    continue;
                }
                // free matchups: the real schedule is one of the choices, as long as it keeps the format
                Evaluation eval = evaluator.evaluate(season, played, null);
                assertTrue(eval.hardDeviations().isEmpty(), () -> folder.getFileName() + " " + v + ": " + eval.hardDeviations());
            }
        }
    }

    @Test
    void fixedSeasonsReproduceTheRealTravelExactly() throws Exception {
        for (String name : new String[] {"wcc-2023-24", "sec-2023-24"}) {
            RealSchedule real = RealSchedule.read(DATA.resolve(name));
            Season fixed = RealSeasonVariants.derive(real, Variant.FIXED).season();
            SolveResult r = new CpSatSeasonSolver().solve(fixed, SolveSettings.of(Duration.ofSeconds(20)), SolutionListener.NONE);
            assertEquals("OPTIMAL", r.status(), name);
            assertEquals(real.games().size(), r.games().size(), name);
            double km = r.travelPerTeam().values().stream().mapToDouble(Double::doubleValue).sum();
            // each leg is rounded to whole metres by the model, not by the independent sum
            assertEquals(real.travelKm(), km, 0.001 * real.games().size() * 2, name);
        }
    }

    @Test
    void aWindowSeasonIsSolvedWithinTheBudget() throws Exception {
        RealSchedule real = RealSchedule.read(DATA.resolve("wcc-2023-24"));
        Season window = RealSeasonVariants.derive(real, Variant.WINDOW).season();
        SolveResult r = new CpSatSeasonSolver().solve(window, SolveSettings.of(Duration.ofSeconds(30)), SolutionListener.NONE);
        assertEquals("FEASIBLE", r.status(), () -> "statistics " + r.statistics());
        assertEquals("calendar", r.statistics().get("profile"));
        Evaluation eval = evaluator.evaluate(window, r.games(), null);
        assertTrue(eval.feasible(), eval::describeInfeasibility);
        assertEquals(real.games().size(), r.games().size());
        // the derived rules hold for the real schedule too, so the bound may not exceed its travel
        assertTrue(r.bestBound() <= real.travelKm() + 1, "bound " + r.bestBound() + " above the real travel " + real.travelKm());
    }
}
