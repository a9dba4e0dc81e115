package io.flextime.solve.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flextime.core.model.Game;
import io.flextime.core.model.Season;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.solve.engine.CpSatSeasonSolver;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import io.flextime.solve.job.ResultRecorder;
import io.flextime.solve.replan.Replan;
import io.flextime.solve.replan.ReplanOutcome;
import io.flextime.solve.replan.ReplanSearch;
import io.flextime.solve.replan.ReplanSeason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./flextime bench replan}: the in-season re-plan on the Big 12 sample (issue 21). A base schedule is
 * solved and taken as published; then three scenarios are re-planned from it, each with a frozen first half
 * ({@code frozenBefore} = the middle slot's date): (a) one game just after it postponed, (b) one arena
 * unavailable for a week, (c) one team unavailable for 5 days. Per scenario: seconds to the new draft
 * (the re-plan's budget, model included), games moved besides the postponed ones, hard violations (the
 * independent evaluator, on the derived season: the season's rules, frozen and pinned games, unavailability),
 * the travel change against the base, and the fewest moves of a long run of the same re-plan.
 * Options: {@code --season FILE --base-seconds 30 --seconds 9 --long-run-seconds 60 --workers 0 --seed 1
 * --change-weight 1000}. Last line: one JSON object {@code {"scenarios": [{name, seconds, moved, hard_violations,
 * travel_delta_km, long_run_moved, ...}], ...}}.
 */
public final class ReplanBenchmark {
    private static final ScheduleEvaluator EVALUATOR = new ScheduleEvaluator();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchOptions.parse(args);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        Season season = BenchInstances.seasonJson(Path.of(opts.getOrDefault("season", "samples/big12-mbb-2025-26/season.json")));
        int baseSeconds = Integer.parseInt(opts.getOrDefault("base-seconds", "30"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "9"));
        int longRun = Integer.parseInt(opts.getOrDefault("long-run-seconds", "60"));
        int workers = Integer.parseInt(opts.getOrDefault("workers", "0"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
        // moves first: a moved game costs more than any travel or rule penalty it could save on this season
        int changeWeight = Integer.parseInt(opts.getOrDefault("change-weight", "1000"));
        CpSatSeasonSolver solver = new CpSatSeasonSolver();

        SolveResult baseRun = solver.solve(season, new SolveSettings(Duration.ofSeconds(baseSeconds), workers, seed, null, List.of(),
                null, null), inc -> { });
        if (!baseRun.hasSolution()) {
            throw new IllegalStateException("no base schedule in " + baseSeconds + " s: " + baseRun.status());
        }
        List<Game> base = ResultRecorder.games(season, baseRun.games());
        double baseTravel = EVALUATOR.evaluate(season, baseRun.games(), season.weights()).totalKm();
        System.out.printf(Locale.ROOT, "base: %d games, travel %.0f km, objective %.0f (%s, %d s)%n", base.size(), baseTravel,
                baseRun.objective(), baseRun.status(), baseSeconds);

        List<Slot> slots = season.slots();
        LocalDate frozenBefore = slots.get(slots.size() / 2).date();
        Game postponed = base.stream().filter(g -> !g.date().isBefore(frozenBefore)).findFirst().orElseThrow();
        LocalDate weekStart = frozenBefore.plusDays(7);
        // the arena and the team the base uses most in the window, so that each scenario has games to move
        Team arenaTeam = busiest(season, base, weekStart, 7, true);
        Team absent = busiest(season, base, weekStart, 5, false);
        List<Scenario> scenarios = List.of(
                new Scenario("a-postponed-game", List.of(new Replan.Change(Replan.POSTPONE, postponed.number(), null, null, null))),
                new Scenario("b-arena-unavailable-week", List.of(new Replan.Change(Replan.VENUE_UNAVAILABLE, null, null,
                        arenaTeam.venueId(), days(weekStart, 7)))),
                new Scenario("c-team-unavailable-5-days", List.of(new Replan.Change(Replan.TEAM_UNAVAILABLE, null, absent.id(), null,
                        days(weekStart, 5)))));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Scenario sc : scenarios) {
            Replan replan = new Replan("base", frozenBefore.toString(), changeWeight, sc.changes());
            ReplanSeason.Derived derived = ReplanSeason.derive(season, base, Set.of(), replan);
            Run quick = replan(solver, derived, base, seconds, workers, seed);
            Run slow = longRun > 0 ? replan(solver, derived, base, longRun, workers, seed + 1) : null;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", sc.name());
            row.put("seconds", round(quick.seconds()));
            row.put("moved", quick.moved());
            row.put("hard_violations", quick.hardViolations());
            row.put("travel_delta_km", round(quick.travelKm() - baseTravel));
            row.put("long_run_moved", slow == null ? null : slow.moved());
            row.put("seconds_to_best", round(quick.secondsToBest()));
            row.put("status", quick.status());
            row.put("frozen_games", derived.frozen().size());
            row.put("postponed_games", derived.postponed().size());
            row.put("long_run_seconds", slow == null ? null : longRun);
            row.put("long_run_hard_violations", slow == null ? null : slow.hardViolations());
            row.put("long_run_travel_delta_km", slow == null ? null : round(slow.travelKm() - baseTravel));
            rows.add(row);
            System.out.printf(Locale.ROOT, "%-28s %5.1f s  moved %d (long run %s)  hard %d  travel %+.0f km%n", sc.name(),
                    quick.seconds(), quick.moved(), slow == null ? "-" : Long.toString(slow.moved()), quick.hardViolations(),
                    quick.travelKm() - baseTravel);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenarios", rows);
        out.put("season", season.season());
        out.put("games", base.size());
        out.put("frozen_before", frozenBefore.toString());
        out.put("change_weight", changeWeight);
        out.put("budget_seconds", seconds);
        out.put("base_seconds", baseSeconds);
        out.put("base_travel_km", round(baseTravel));
        out.put("workers", workers == 0 ? Runtime.getRuntime().availableProcessors() : workers);
        System.out.println(json.writeValueAsString(out));
        System.exit(0);
    }

    private record Scenario(String name, List<Replan.Change> changes) {
    }

    private record Run(double seconds, double secondsToBest, long moved, int hardViolations, double travelKm, String status) {
    }

    private static Run replan(CpSatSeasonSolver solver, ReplanSeason.Derived derived, List<Game> base, int seconds, int workers,
            long seed) {
        double[] lastImprovement = {0};
        long start = System.nanoTime();
        SolveResult r = new ReplanSearch(solver).solve(derived, new SolveSettings(Duration.ofSeconds(seconds), workers, seed, null,
                derived.start(), null, null), inc -> lastImprovement[0] = (System.nanoTime() - start) / 1e9);
        double wall = (System.nanoTime() - start) / 1e9;
        if (!r.hasSolution()) {
            return new Run(wall, lastImprovement[0], -1, -1, Double.NaN, r.status());
        }
        Evaluation e = EVALUATOR.evaluate(derived.season(), r.games(), derived.season().weights());
        int hard = e.structureErrors().size() + e.hardDeviations().values().stream().mapToInt(Integer::intValue).sum();
        long moved = ReplanOutcome.movesBesidesPostponed(ReplanOutcome.moved(base, r.games(), derived.postponed()));
        return new Run(wall, lastImprovement[0], moved, hard, e.totalKm(), r.status());
    }

    /** The team with the most (home, when {@code home}) games of the base on the {@code days} days from {@code from}. */
    private static Team busiest(Season season, List<Game> base, LocalDate from, int days, boolean home) {
        LocalDate until = from.plusDays(days);
        return season.teams().stream().max(Comparator.comparingLong((Team t) -> base.stream()
                .filter(g -> !g.date().isBefore(from) && g.date().isBefore(until))
                .filter(g -> g.homeTeam().equals(t.id()) || (!home && g.awayTeam().equals(t.id()))).count())
                .thenComparing(Team::id, Comparator.reverseOrder())).orElseThrow();
    }

    private static List<String> days(LocalDate from, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(from.plusDays(i).toString());
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
