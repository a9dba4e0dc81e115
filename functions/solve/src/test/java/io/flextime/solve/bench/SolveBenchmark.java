package io.flextime.solve.bench;

import io.flextime.core.model.Season;
import io.flextime.solve.engine.CpSatSeasonSolver;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bench/solve-ttp.sh} and {@code bench/solve-itc.sh}: solves each instance with the time limit,
 * prints a table and, last, one JSON line {"results": [...], "feasible", "total", "median_ratio"}.
 * Usage: {@code ttp|itc [--instances a,b] [--time-limit S] [--workers W] [--data DIR]}.
 */
public final class SolveBenchmark {
    static final List<String> TTP = List.of("NL4", "NL6", "NL8", "NL10", "NL12");
    static final List<String> ITC = itcAll();

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Map<String, String> opts = BenchOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        Path data = opts.containsKey("data") ? Path.of(opts.get("data")) : BenchInstances.repoData();
        int limit = Integer.parseInt(opts.getOrDefault("time-limit", "ttp".equals(kind) ? "60" : "600"));
        int workers = Integer.parseInt(opts.getOrDefault("workers", "0"));
        List<String> instances = opts.containsKey("instances") ? List.of(opts.get("instances").split(","))
                : "ttp".equals(kind) ? TTP : ITC;
        Map<String, Double> best = "ttp".equals(kind)
                ? BenchInstances.bestKnown(data.resolve("ttp/best_known.csv"), 2)
                : BenchInstances.bestKnown(data.resolve("itc2021/best_known.csv"), 4);
        CpSatSeasonSolver solver = new CpSatSeasonSolver();
        List<Map<String, Object>> results = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-14s %-9s %12s %12s %8s %8s %8s%n", "instance", "status", "objective", "best_known",
                "ratio", "first_s", "seconds");
        for (String name : instances) {
            Season season = "ttp".equals(kind) ? BenchInstances.ttp(data, name.trim()) : BenchInstances.itc(data, name.trim());
            AtomicReference<Double> lastImprovement = new AtomicReference<>();
            SolveResult r = solver.solve(season, new SolveSettings(Duration.ofSeconds(limit), workers, 1L, null, List.of(), null, null),
                    inc -> lastImprovement.set(inc.elapsedSeconds()));
            Double known = best.get(BenchInstances.key(name.trim()));
            Double ratio = ratio(r.objective(), known);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("instance", name.trim());
            row.put("status", r.status());
            row.put("objective", r.objective());
            row.put("best_known", known);
            row.put("ratio", ratio == null ? null : Math.round(ratio * 10000) / 10000.0);
            row.put("seconds", Math.round(r.elapsedSeconds() * 100) / 100.0);
            row.put("feasible", r.hasSolution());
            row.put("bound", r.bestBound());
            row.put("first_solution_s", r.statistics().get("first_solution_seconds"));
            row.put("last_improvement_s", lastImprovement.get());
            row.put("profile", r.statistics().get("profile"));
            row.put("repair_violations_left", r.statistics().get("repair_phase_violations"));
            row.put("annealing_fewest_hard", r.statistics().get("annealing_fewest_hard_deviations"));
            row.put("annealing_moves", r.statistics().get("annealing_moves"));
            row.put("neighbourhoods_searched", r.statistics().get("neighbourhoods_searched"));
            row.put("neighbourhoods_improving", r.statistics().get("neighbourhoods_improving"));
            row.put("exact_search_complete", r.statistics().get("exact_search_complete"));
            row.put("exact_search_seconds", r.statistics().get("exact_search_seconds"));
            results.add(row);
            System.out.printf(Locale.ROOT, "%-14s %-9s %12s %12s %8s %8s %8.1f%n", name.trim(), r.status(), r.objective(), known,
                    row.get("ratio"), fmt(r.statistics().get("first_solution_seconds")), r.elapsedSeconds());
        }
        long feasible = results.stream().filter(m -> Boolean.TRUE.equals(m.get("feasible"))).count();
        double[] ratios = results.stream().map(m -> m.get("ratio")).filter(v -> v != null)
                .mapToDouble(v -> (Double) v).sorted().toArray();
        Double median = ratios.length == 0 ? null
                : ratios.length % 2 == 1 ? ratios[ratios.length / 2] : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("results", results);
        summary.put("feasible", feasible);
        summary.put("total", results.size());
        summary.put("median_ratio", median);
        summary.put("time_limit_s", limit);
        System.out.println(BenchInstances.JSON.writeValueAsString(summary));
    }

    static String fmt(Object seconds) {
        return seconds instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : "-";
    }

    static List<String> itcAll() {
        List<String> all = new ArrayList<>();
        for (String group : List.of("Early", "Middle")) {
            for (int i = 1; i <= 15; i++) {
                all.add(group + "_" + i);
            }
        }
        for (int i = 1; i <= 8; i++) {
            all.add("Test" + i);
        }
        return all;
    }

    /**
     * Objective ÷ best known, or null when either is missing or the best known is 0 and the objective is not
     * (no finite ratio; a mixed Double/double conditional here once unboxed that null and lost the summary).
     */
    static Double ratio(Double objective, Double known) {
        if (objective == null || known == null) {
            return null;
        }
        if (known == 0) {
            return objective == 0 ? Double.valueOf(1.0) : null;
        }
        return objective / known;
    }
}
