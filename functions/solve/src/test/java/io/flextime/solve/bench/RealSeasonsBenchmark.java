package io.flextime.solve.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flextime.core.model.Season;
import io.flextime.solve.engine.CpSatSeasonSolver;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import io.flextime.solve.realseason.RealSchedule;
import io.flextime.solve.realseason.RealSeasonVariants;
import io.flextime.solve.realseason.RealSeasonVariants.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./flextime bench real-seasons}: every real conference season of {@code data/conferences}, in the
 * variants of {@link RealSeasonVariants}, solved with the time limit; per season and variant the status,
 * seconds to the first feasible schedule, travel, travel ÷ the real schedule's, bound and gap; then the
 * medians per variant. The last line is one JSON object; the same object is written to
 * {@code bench/results/real-seasons-<time>.json}.
 * Usage: {@code [--seasons a,b] [--variants fixed,same-days,window,free] [--time-limit S] [--workers W]
 * [--data DIR] [--results DIR|none]}.
 */
public final class RealSeasonsBenchmark {
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchOptions.parse(args);
        Path data = Path.of(opts.getOrDefault("data", "data/conferences"));
        int limit = Integer.parseInt(opts.getOrDefault("time-limit", "60"));
        int workers = Integer.parseInt(opts.getOrDefault("workers", "0"));
        List<Variant> variants = Arrays.stream(opts.getOrDefault("variants", "fixed,same-days,window,free").split(","))
                .map(Variant::parse).toList();
        List<String> seasons = opts.containsKey("seasons") ? List.of(opts.get("seasons").split(",")) : folders(data);
        CpSatSeasonSolver solver = new CpSatSeasonSolver();
        List<Map<String, Object>> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-22s %-9s %-8s %7s %11s %11s %7s %11s %6s%n", "season", "variant", "status", "first_s",
                "travel_km", "real_km", "ratio", "bound_km", "gap");
        for (String name : seasons) {
            RealSchedule real = RealSchedule.read(data.resolve(name));
            double realKm = real.travelKm();
            for (Variant variant : variants) {
                RealSeasonVariants.Derived derived = RealSeasonVariants.derive(real, variant);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("season", name);
                row.put("variant", variant.key());
                row.put("real_km", round(realKm));
                if (derived.season() == null) {
                    row.put("status", "SKIPPED");
                    row.put("reason", derived.skippedBecause());
                    rows.add(row);
                    System.out.printf(Locale.ROOT, "%-22s %-9s skipped: %s%n", name, variant.key(), derived.skippedBecause());
                    continue;
                }
                Season season = derived.season();
                SolveSettings settings = new SolveSettings(Duration.ofSeconds(limit), workers, 1L, null, List.of(), null, null);
                SolveResult r = solver.solve(season, settings, inc -> { });
                Double travel = r.hasSolution() ? r.travelPerTeam().values().stream().mapToDouble(Double::doubleValue).sum() : null;
                Double bound = r.bestBound();
                row.put("status", r.status());
                row.put("first_feasible_s", r.statistics().get("first_solution_seconds"));
                row.put("travel_km", travel == null ? null : round(travel));
                row.put("ratio", travel == null ? null : Math.round(travel / realKm * 10000) / 10000.0);
                row.put("bound_km", bound == null ? null : round(bound));
                row.put("gap", r.gap() == null ? null : Math.round(r.gap() * 10000) / 10000.0);
                row.put("penalty", r.violations().values().stream().mapToDouble(Double::doubleValue).sum());
                row.put("seconds", Math.round(r.elapsedSeconds() * 10) / 10.0);
                row.put("profile", r.statistics().get("profile"));
                rows.add(row);
                System.out.printf(Locale.ROOT, "%-22s %-9s %-8s %7s %11s %11.0f %7s %11s %6s%n", name, variant.key(), r.status(),
                        fmt(row.get("first_feasible_s")), fmt(row.get("travel_km")), realKm, fmt(row.get("ratio")),
                        fmt(row.get("bound_km")), fmt(row.get("gap")));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time_limit_s", limit);
        out.put("workers", workers <= 0 ? Runtime.getRuntime().availableProcessors() : workers);
        out.put("at", Instant.now().toString());
        Map<String, Object> medians = new LinkedHashMap<>();
        for (Variant v : variants) {
            List<Map<String, Object>> mine = rows.stream().filter(r -> r.get("variant").equals(v.key()) && !"SKIPPED".equals(r.get("status"))).toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seasons", mine.size());
            m.put("feasible", mine.stream().filter(r -> r.get("travel_km") != null).count());
            m.put("median_first_feasible_s", median(mine, "first_feasible_s"));
            m.put("median_ratio", median(mine, "ratio"));
            m.put("max_ratio", mine.stream().map(r -> (Number) r.get("ratio")).filter(x -> x != null)
                    .mapToDouble(Number::doubleValue).max().stream().boxed().findFirst().orElse(null));
            medians.put(v.key(), m);
        }
        out.put("variants", medians);
        out.put("rows", rows);
        ObjectMapper json = new ObjectMapper();
        String line = json.writeValueAsString(out);
        String results = opts.getOrDefault("results", "bench/results");
        if (!results.equals("none")) {
            Path dir = Path.of(results);
            Files.createDirectories(dir);
            Path file = dir.resolve("real-seasons-" + Instant.now().toString().replace(":", "").replaceAll("\\..*", "") + ".json");
            Files.writeString(file, json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out) + "\n");
            System.out.println("written " + file);
        }
        System.out.println(line);
        System.exit(0);
    }

    private static List<String> folders(Path data) throws Exception {
        try (Stream<Path> s = Files.list(data)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Double median(List<Map<String, Object>> rows, String key) {
        double[] v = rows.stream().map(r -> (Number) r.get(key)).filter(x -> x != null).mapToDouble(Number::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double round(double km) {
        return Math.round(km * 10) / 10.0;
    }

    private static String fmt(Object o) {
        return o == null ? "-" : o instanceof Double d ? String.format(Locale.ROOT, d >= 100 ? "%.0f" : "%.3f", d) : o.toString();
    }
}
