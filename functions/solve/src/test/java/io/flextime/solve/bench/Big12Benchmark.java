package io.flextime.solve.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flextime.core.model.Season;
import io.flextime.solve.engine.CpSatSeasonSolver;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import io.flextime.solve.job.CheckpointOverheadBenchmark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench/solve-big12.sh}: solves the Big 12 sample season once with the time limit and prints
 * time to first feasible, objective, bound and gap; last line one JSON object. The checkpoint overhead
 * is measured by the job side (Redis); here {@code listener_overhead} compares the same solve with a
 * listener that serializes every incumbent to JSON (the in-process half of a checkpoint) and without;
 * {@code checkpoint_overhead} (unless {@code --checkpoints false}) runs the same solve a second time
 * through the job's checkpoint path to the local stack's Redis ({@link CheckpointOverheadBenchmark}).
 * Usage: {@code [--season FILE] [--time-limit S] [--workers W] [--overhead true|false] [--checkpoints true|false]}.
 */
public final class Big12Benchmark {
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchOptions.parse(args);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        Season season = BenchInstances.seasonJson(Path.of(opts.getOrDefault("season", "samples/big12-mbb-2025-26/season.json")));
        int limit = Integer.parseInt(opts.getOrDefault("time-limit", "60"));
        int workers = Integer.parseInt(opts.getOrDefault("workers", "0"));
        CpSatSeasonSolver solver = new CpSatSeasonSolver();
        SolveSettings settings = new SolveSettings(Duration.ofSeconds(limit), workers, 1L, null, List.of(), null, null);
        AtomicInteger bytes = new AtomicInteger();
        SolveResult r = solver.solve(season, settings, inc -> {
            try {
                bytes.addAndGet(json.writeValueAsBytes(inc).length);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status());
        out.put("first_feasible_s", r.statistics().get("first_solution_seconds"));
        out.put("objective", r.objective());
        out.put("bound", r.bestBound());
        out.put("gap", r.gap());
        out.put("travel_km", r.travelPerTeam().values().stream().mapToDouble(Double::doubleValue).sum());
        out.put("violations", r.violations());
        out.put("seconds", r.elapsedSeconds());
        out.put("time_limit_s", limit);
        out.put("profile", r.statistics().get("profile"));
        out.put("repair_violations_left", r.statistics().get("repair_phase_violations"));
        if (Boolean.parseBoolean(opts.getOrDefault("overhead", "false"))) {
            SolveResult bare = solver.solve(season, settings, inc -> { });
            out.put("objective_without_listener", bare.objective());
            out.put("listener_overhead", r.objective() == null || bare.objective() == null ? null
                    : (r.objective() - bare.objective()) / Math.max(1.0, bare.objective()));
        }
        if (Boolean.parseBoolean(opts.getOrDefault("checkpoints", "true"))) {
            // The same solve again through the job's checkpoint path (Redis of the local stack).
            Map<String, Object> cp = CheckpointOverheadBenchmark.withCheckpoints(solver, season, Duration.ofSeconds(limit),
                    workers, 1L, opts.getOrDefault("redis", CheckpointOverheadBenchmark.localRedis()));
            out.put("checkpoint_overhead", cp.get("checkpoint_overhead"));
            out.put("checkpoints_written", cp.get("checkpoints_written"));
            out.put("objective_with_checkpoints", cp.get("objective_with_checkpoints"));
        } else {
            out.put("checkpoint_overhead", null);
        }
        System.out.printf(Locale.ROOT, "status %s, first feasible %.2f s, objective %s, bound %s, gap %s%n", r.status(),
                r.statistics().getOrDefault("first_solution_seconds", Double.NaN), r.objective(), r.bestBound(), r.gap());
        System.out.println(json.writeValueAsString(out));
        System.exit(0); // the Redis client's event loop threads would keep the JVM alive
    }
}
