package io.flextime.solve.engine;

import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.cost.ScheduleCost;
import io.flextime.solve.bench.BenchInstances;
import io.flextime.solve.bench.BenchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How fast the annealing scores moves on ITC2021 instances, on one thread (a measurement, not a test):
 * {@code walk}: a fixed random walk of moves from the circle method's schedule, each kept or undone at
 * random (the same moves whatever the cost's code, so two versions compare on identical work);
 * {@code run}: the annealing itself for a few seconds (feasibility stage, then around feasibility).
 * Rates are moves per CPU second of the searching thread. Usage: {@code [--data DIR (default: the repository's data/)] [--instances a,b] [--moves N] [--seconds S] [--repeat R]}; the last line
 * is one JSON object.
 */
public final class AnnealingSpeed {
    /** CPU time of this thread: the machine is shared, and wall time would measure the neighbours. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private AnnealingSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        Path data = o.containsKey("data") ? Path.of(o.get("data")) : BenchInstances.repoData();
        int moves = Integer.parseInt(o.getOrDefault("moves", "2000000"));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "10"));
        int repeat = Integer.parseInt(o.getOrDefault("repeat", "3"));
        List<String> rows = new ArrayList<>();
        for (String name : o.getOrDefault("instances", "Early_8,Middle_14,Middle_12,Early_3").split(",")) {
            Season season = BenchInstances.itc(data, name.trim());
            SeasonIndex ix = new SeasonIndex(season);
            Supplier<ScheduleCost> costs = ScheduleCosts.forSeason(season, ix, season.weights()).orElseThrow();
            TournamentAnnealing warm = TournamentAnnealing.from(ix, costs.get(), CircleMethod.schedule(ix), 1L).orElseThrow();
            warm.walk(moves / 4);
            double bestWalk = 0;
            double bestRun = 0;
            for (int r = 0; r < repeat; r++) {
                TournamentAnnealing walk = TournamentAnnealing.from(ix, costs.get(), CircleMethod.schedule(ix), 7L).orElseThrow();
                long t0 = CPU.getCurrentThreadCpuTime();
                walk.walk(moves);
                double walkRate = moves / ((CPU.getCurrentThreadCpuTime() - t0) / 1e9);
                TournamentAnnealing run = TournamentAnnealing.from(ix, costs.get(), CircleMethod.schedule(ix), 7L).orElseThrow();
                long t1 = CPU.getCurrentThreadCpuTime();
                if (seconds > 0) {
                    run.run(seconds, () -> false);
                }
                double runRate = seconds > 0 ? run.moves() / ((CPU.getCurrentThreadCpuTime() - t1) / 1e9) : 0;
                System.out.printf(Locale.ROOT, "%-10s walk %9.0f moves/s   run %9.0f moves/s (%d moves, fewest hard %d)%n", name,
                        walkRate, runRate, run.moves(), run.fewestHard());
                bestWalk = Math.max(bestWalk, walkRate);
                bestRun = Math.max(bestRun, runRate);
            }
            rows.add(String.format(Locale.ROOT, "{\"instance\":\"%s\",\"walk_moves_per_s\":%.0f,\"run_moves_per_s\":%.0f}", name,
                    bestWalk, bestRun));
        }
        System.out.println("{\"results\":[" + String.join(",", rows) + "]}");
    }
}
