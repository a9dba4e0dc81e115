package io.flextime.solve.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flextime.core.model.Season;
import io.flextime.solve.engine.CpSatSeasonSolver;
import io.flextime.solve.engine.SeasonSolver;
import io.flextime.solve.engine.SolutionListener;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import io.flextime.solve.store.CheckpointStore;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The checkpoint overhead figure of {@code bench/solve-big12.sh}: the same solve (season, time limit,
 * seed, workers) once without checkpoints and once with the job's real checkpoint path — the
 * {@link InvocationMonitor} on its own thread writing checkpoint JSON to the stack's Redis at the
 * production interval, and serializing a progress event every second (not sent: no broker needed).
 * {@code checkpoint_overhead} = CPU time of the checkpoint thread / wall time of the solve, i.e.
 * the share of the machine the checkpoints took from the search; the two objectives are printed too
 * (they differ by CP-SAT's run-to-run noise, not only by the overhead).
 * Usage: {@code [--season FILE | --synthetic-teams N] [--time-limit S] [--workers W] [--seed N] [--redis URL]};
 * last line JSON. {@code --synthetic-teams} uses the tests' Big 12 arena season of N teams, which yields
 * solutions (and so checkpoint writes) within seconds.
 */
public final class CheckpointOverheadBenchmark {
    private CheckpointOverheadBenchmark() {
    }

    /** The stack's Redis (or FLEXTIME_REDIS_PORT's). */
    public static String localRedis() {
        return "redis://127.0.0.1:" + Optional.ofNullable(System.getenv("FLEXTIME_REDIS_PORT")).orElse("56379");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ObjectMapper json = mapper();
        Season season = opts.containsKey("synthetic-teams")
                ? TestSeasons.compactDouble("synthetic", Integer.parseInt(opts.get("synthetic-teams")), false)
                : json.readValue(Path.of(opts.getOrDefault("season", "samples/big12-mbb-2025-26/season.json")).toFile(),
                        Season.class);
        String redisUrl = opts.getOrDefault("redis", localRedis());
        Map<String, Object> out = measure(new CpSatSeasonSolver(), season,
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("time-limit", "60"))),
                Integer.parseInt(opts.getOrDefault("workers", "0")), Long.parseLong(opts.getOrDefault("seed", "1")), redisUrl);
        System.out.printf(Locale.ROOT, "checkpoints %s, busy %.3f s of %.1f s, overhead %.4f%%; objective %s with, %s without%n",
                out.get("checkpoints_written"), out.get("checkpoint_busy_s"), out.get("wall_s"),
                100 * (double) out.get("checkpoint_overhead"), out.get("objective_with_checkpoints"),
                out.get("objective_without_checkpoints"));
        System.out.println(json.writeValueAsString(out));
        System.exit(0);
    }

    public static Map<String, Object> measure(SeasonSolver solver, Season season, Duration limit, int workers, long seed,
            String redisUrl) throws Exception {
        SolveSettings bare = new SolveSettings(limit, workers, seed, null, List.of(), null, null);
        SolveResult without = solver.solve(season, bare, SolutionListener.NONE);
        Map<String, Object> out = withCheckpoints(solver, season, limit, workers, seed, redisUrl);
        out.put("status_without_checkpoints", without.status());
        out.put("objective_without_checkpoints", without.objective());
        return out;
    }

    /**
     * The solve through the checkpoint path only, for a caller that has just run the same solve without
     * (Big12Benchmark): {@code checkpoint_overhead} needs no second bare run, it is the checkpoint thread's
     * CPU time over this solve's wall time.
     */
    public static Map<String, Object> withCheckpoints(SeasonSolver solver, Season season, Duration limit, int workers,
            long seed, String redisUrl) throws Exception {
        SolveSettings bare = new SolveSettings(limit, workers, seed, null, List.of(), null, null);
        Vertx vertx = Vertx.vertx();
        Redis redis = Redis.createClient(vertx, redisUrl);
        ObjectMapper json = mapper();
        UUID jobId = UUID.randomUUID();
        SolveConfig config = new BenchConfig();
        InvocationMonitor.Sink sink = new InvocationMonitor.Sink() {
            @Override
            public void checkpoint(Checkpoint cp) {
                try {
                    redis.send(Request.cmd(Command.SET).arg(CheckpointStore.checkpointKey(cp.jobId()))
                            .arg(json.writeValueAsString(cp)).arg("PX").arg(60_000))
                            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("checkpoint write failed", e);
                }
            }

            @Override
            public void progress(Checkpoint best, double elapsedSeconds, Double bestBound) {
                try {
                    json.writeValueAsBytes(Map.of("elapsedSeconds", elapsedSeconds,
                            "objective", best == null ? -1 : best.objective()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean cancelRequested() {
                try {
                    return redis.send(Request.cmd(Command.EXISTS).arg(CheckpointStore.cancelKey(jobId)))
                            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toInteger() > 0;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        JobContext ctx = new JobContext(jobId, "bench", UUID.randomUUID(), "bench",
                solver.modelHash(season, bare), 1, 0, 0, null, null, Optional.empty());
        InvocationMonitor monitor = new InvocationMonitor(ctx, sink, null, Long.MAX_VALUE, config);
        long t0 = System.nanoTime();
        monitor.start(ticker);
        SolveResult with;
        try {
            with = solver.solve(season, new SolveSettings(limit, workers, seed, null, List.of(), null, monitor::stopRequested),
                    monitor);
        } finally {
            monitor.stop();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        monitor.flush();
        ticker.shutdownNow();
        redis.send(Request.cmd(Command.DEL).arg(CheckpointStore.checkpointKey(jobId)))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        redis.close();
        vertx.close();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status_with_checkpoints", with.status());
        out.put("objective_with_checkpoints", with.objective());
        out.put("checkpoints_written", monitor.checkpointsWritten());
        out.put("checkpoint_busy_s", monitor.busySeconds());
        out.put("wall_s", wall);
        out.put("checkpoint_overhead", monitor.busySeconds() / wall);
        return out;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The production intervals (application.properties), without a deadline. */
    private static final class BenchConfig implements SolveConfig {
        public Duration invocationDeadline() {
            return Duration.ofDays(1);
        }

        public Duration safetyMargin() {
            return Duration.ZERO;
        }

        public Duration checkpointInterval() {
            return Duration.ofSeconds(2);
        }

        public Duration progressInterval() {
            return Duration.ofSeconds(1);
        }

        public Duration lockTtl() {
            return Duration.ofSeconds(15);
        }

        public Duration checkpointRetention() {
            return Duration.ofDays(7);
        }

        public Duration defaultTimeBudget() {
            return Duration.ofMinutes(10);
        }

        public Duration maxTimeBudget() {
            return Duration.ofHours(2);
        }

        public int maxActiveJobsPerTenant() {
            return 3;
        }

        public int concurrentJobs() {
            return 1;
        }

        public Duration shutdownGrace() {
            return Duration.ofSeconds(20);
        }

        public int failureRetries() {
            return 0;
        }

        public Duration failureRetryDelay() {
            return Duration.ofSeconds(5);
        }

        public Dispatch dispatch() {
            return Dispatch.LOCAL;
        }
    }
}
