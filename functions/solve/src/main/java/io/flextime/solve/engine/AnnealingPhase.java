package io.flextime.solve.engine;

import io.flextime.rules.cost.ScheduleCost;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs {@link TournamentAnnealing} on one thread per worker (each its own seed, all from the same
 * schedule) and hands on every better schedule, after the independent evaluator has accepted it. It
 * ends at its time, on a stop request, or once no thread has improved a feasible schedule for a while
 * (small instances reach their best in a second; the proof is CP-SAT's job).
 */
final class AnnealingPhase implements SearchPhase {
    private static final long POLL_MILLIS = 250;
    /** Ends early after this share of its time (at least {@link #MIN_PATIENCE_SECONDS}) without improvement. */
    private static final double PATIENCE_SHARE = 0.3;
    private static final double MIN_PATIENCE_SECONDS = 3.0;

    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();
    private long moves;
    private int fewestHard = Integer.MAX_VALUE;
    private double bestSoft = Double.POSITIVE_INFINITY;
    private double bestObjective;
    private Result best;
    private List<Assignment> closest = List.of();

    /** A better schedule, the {@code improvements}-th this phase handed on. */
    record Result(List<Assignment> games, Evaluation evaluation, int improvements) {
    }

    /**
     * The annealing (README "Search", step 3) for the profile's share of what is left, where one of its costs
     * scores the season exactly and no exact search settles it alone: from the best schedule so far, else the
     * hint, else the circle method's schedule. Its better schedules are reported and the best kept; without one,
     * its nearest schedule becomes the next phase's start when nothing feasible exists yet.
     */
    @Override
    public Optional<SolveResult> search(SolveRun run) {
        Optional<Supplier<ScheduleCost>> costs = ScheduleCosts.forSeason(run.season, run.index, run.weights);
        if (run.profile.annealingShare() <= 0 || costs.isEmpty() || run.stopRequested() || ExactPhase.alone(run)) {
            return Optional.empty();
        }
        List<Assignment> from = run.best != null ? run.best : run.hint;
        if (from.isEmpty()) {
            from = CircleMethod.schedule(run.index); // the repair phase had no schedule yet
        }
        double seconds = run.remaining() * run.profile.annealingShare();
        int before = run.solutions;
        Optional<Result> annealed;
        try {
            annealed = run(run.season, run.weights, run.index, costs.get(), from, run.toBeat(), seconds, run.settings.workers(),
                    run.settings.seed() == null ? 1L : run.settings.seed(), run.settings.stopRequested(), r -> {
                        run.stats.putIfAbsent("first_solution_seconds", run.elapsed());
                        run.listener.onSolution(new Incumbent(r.games(), r.evaluation().objective(),
                                Math.min(run.travelBound, r.evaluation().objective()), run.elapsed(), before + r.improvements()));
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            annealed = Optional.empty();
        }
        run.stats.put("annealing_moves", moves);
        run.stats.put("annealing_fewest_hard_deviations", fewestHard);
        annealed.ifPresent(r -> run.stats.put("annealing_objective", r.evaluation().objective()));
        if (annealed.isPresent()) {
            run.improved(annealed.get().games(), annealed.get().evaluation().objective(), annealed.get().improvements());
        } else if (run.best == null && !closest.isEmpty()) {
            run.hint = closest; // nearer to feasible than the repair phase's schedule
        }
        return Optional.empty();
    }

    /**
     * @param onBetter called on this thread with each schedule better than {@code toBeat} and the last one
     * @return the best schedule found, if better than {@code toBeat}
     */
    Optional<Result> run(Season season, ObjectiveWeights weights, SeasonIndex ix, Supplier<ScheduleCost> costs,
            List<Assignment> start, double toBeat, double seconds, int workers, long seed, BooleanSupplier stop,
            Consumer<Result> onBetter) throws InterruptedException {
        bestObjective = toBeat;
        List<TournamentAnnealing> searches = new ArrayList<>();
        for (int w = 0; w < Math.max(1, workers); w++) {
            Optional<TournamentAnnealing> sa = TournamentAnnealing.from(ix, costs.get(), start, seed + 7919L * w);
            if (sa.isEmpty()) {
                return Optional.empty();
            }
            searches.add(sa.get());
        }
        AtomicBoolean ended = new AtomicBoolean();
        BooleanSupplier halt = () -> ended.get() || stop.getAsBoolean();
        List<Thread> threads = new ArrayList<>();
        for (TournamentAnnealing sa : searches) {
            Thread t = new Thread(() -> sa.run(seconds, halt), "tournament-annealing");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long lastImprovement = System.nanoTime();
        double patience = Math.max(MIN_PATIENCE_SECONDS, PATIENCE_SHARE * seconds);
        try {
            while (threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(POLL_MILLIS);
                int hard = searches.stream().mapToInt(TournamentAnnealing::fewestHard).min().orElse(Integer.MAX_VALUE);
                boolean closer = hard < fewestHard; // still infeasible, but nearer: progress too
                fewestHard = Math.min(fewestHard, hard);
                if (collect(season, weights, ix, searches, onBetter) || closer) {
                    lastImprovement = System.nanoTime();
                } else if (best != null && (System.nanoTime() - lastImprovement) / 1e9 > patience) {
                    // Stalled around a feasible schedule: CP-SAT's turn. Without one, nothing else finds one sooner.
                    ended.set(true);
                }
            }
        } finally {
            ended.set(true);
            for (Thread t : threads) {
                t.join();
            }
            moves = searches.stream().mapToLong(TournamentAnnealing::moves).sum();
            fewestHard = Math.min(fewestHard, searches.stream().mapToInt(TournamentAnnealing::fewestHard).min().orElse(Integer.MAX_VALUE));
        }
        collect(season, weights, ix, searches, onBetter);
        if (best == null) {
            closest = searches.stream().min(java.util.Comparator.comparingInt(TournamentAnnealing::fewestHard))
                    .map(sa -> sa.closest(ix)).orElse(List.of());
        }
        return Optional.ofNullable(best);
    }

    /** When no thread found a feasible schedule: the one with the fewest hard deviations (empty otherwise). */
    List<Assignment> closest() {
        return closest;
    }

    /** Takes the threads' best schedules; true when one beat the best so far (evaluated, and handed on if better). */
    private boolean collect(Season season, ObjectiveWeights weights, SeasonIndex ix, List<TournamentAnnealing> searches,
            Consumer<Result> onBetter) {
        boolean improved = false;
        for (TournamentAnnealing sa : searches) {
            TournamentAnnealing.Best b = sa.best(ix);
            if (b == null || b.soft() >= bestSoft) {
                continue;
            }
            bestSoft = b.soft();
            improved = true;
            Evaluation eval = evaluator.evaluate(season, b.games(), weights);
            if (!eval.feasible()) {
                throw new IllegalStateException("annealing/evaluator mismatch (a bug): a schedule the annealing "
                        + "scored as keeping every rule is infeasible: " + eval.describeInfeasibility());
            }
            if (eval.objective() < bestObjective) {
                bestObjective = eval.objective();
                best = new Result(b.games(), eval, best == null ? 1 : best.improvements() + 1);
                onBetter.accept(best);
            }
        }
        return improved;
    }

    long moves() {
        return moves;
    }

    /** The fewest hard deviations any thread reached (0 when one found a schedule keeping every rule). */
    int fewestHard() {
        return fewestHard;
    }
}
