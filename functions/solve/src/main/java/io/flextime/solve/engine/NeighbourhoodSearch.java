package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.model.SeasonModel;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpModelProto;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import io.flextime.core.model.SeasonIndex;
import io.flextime.solve.model.SeasonModelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Large neighbourhood search of our own over the season model: keep the best schedule, free the games
 * of a few slots or a few teams (a {@link Neighbourhood}), fix every other x[h][a][s] to its value, and
 * let CP-SAT search the rest for a strictly better schedule within a short limit; repeat, on one
 * CP-SAT worker per thread and one thread per worker.
 *
 * <p>CP-SAT's own LNS workers choose neighbourhoods from the model's constraint graph and know nothing of
 * slots and teams; the neighbourhoods that move whole rounds and whole teams' fixtures are the ones that
 * work on round-robin schedules (TTP local search moves: swap rounds, swap teams, swap homes), and on two
 * cores CP-SAT runs them interleaved with everything else. Solutions go to the phase's
 * {@link SolutionRecorder}, so every one is checked by the evaluator like any other; bounds of a
 * neighbourhood say nothing of the season and are never reported.
 */
final class NeighbourhoodSearch {
    private static final Logger LOG = Logger.getLogger(NeighbourhoodSearch.class);
    /**
     * Time for one neighbourhood. The sizes adapt to it (about half the neighbourhoods searched to the end):
     * on NL8 at 60 s, 1 s limits left the search at 1.065 × best known, 3 s reached 1.027 (2 cores).
     */
    static final double LIMIT_SECONDS = 2.5;
    /** Less time than this left: no new neighbourhood. */
    private static final double MIN_SECONDS = 0.3;

    private final SeasonModelBuilder.Built built;
    private final CpModelProto base;
    private final SolutionRecorder recorder;
    private final BooleanSupplier stopRequested;
    private final Neighbourhood.Chooser chooser;
    private final Random random;
    private final Set<CpSolver> running = ConcurrentHashMap.newKeySet();
    private int searched;
    private int improved;

    NeighbourhoodSearch(SeasonModelBuilder.Built built, SolutionRecorder recorder, BooleanSupplier stopRequested, long seed) {
        this.built = built;
        this.recorder = recorder;
        this.stopRequested = stopRequested;
        this.random = new Random(seed);
        this.chooser = new Neighbourhood.Chooser(built.model().ix, random);
        CpModel copy = built.model().cp.getClone();
        copy.clearHints();
        this.base = copy.model();
    }

    /**
     * A search of {@code built} from the recorder's best, run for {@code seconds} on the settings' workers
     * with their seed and stop request (an interrupt ends it early); the modelling bugs it met fail loudly.
     */
    static NeighbourhoodSearch searchFor(SeasonModelBuilder.Built built, SolutionRecorder recorder, SolveSettings settings,
            double seconds) {
        NeighbourhoodSearch lns = new NeighbourhoodSearch(built, recorder, settings.stopRequested(),
                settings.seed() == null ? 1L : settings.seed());
        try {
            lns.run(seconds, settings.workers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CpSat.failLoudly(recorder);
        return lns;
    }

    /** Searches neighbourhoods on {@code threads} threads until {@code seconds} pass or a stop is requested. */
    void run(double seconds, int threads) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        try (StopWatch watch = StopWatch.watch(() -> stopRequested.getAsBoolean() || recorder.failure() != null,
                () -> running.forEach(CpSolver::stopSearch))) {
            for (int i = 0; i < Math.max(1, threads); i++) {
                Thread t = new Thread(() -> loop(deadline), "solve-lns-" + i);
                t.setDaemon(true);
                t.start();
                workers.add(t);
            }
            for (Thread t : workers) {
                t.join();
            }
        }
    }

    private void loop(long deadline) {
        while (!stopRequested.getAsBoolean() && recorder.failure() == null) {
            double left = (deadline - System.nanoTime()) / 1e9;
            if (left < MIN_SECONDS) {
                return;
            }
            Neighbourhood nb;
            List<Assignment> current;
            double bestObjective;
            long seed;
            synchronized (this) {
                current = recorder.best();
                bestObjective = recorder.bestObjective();
                nb = chooser.next();
                seed = random.nextInt(Integer.MAX_VALUE);
            }
            if (current == null) {
                return;
            }
            long started = System.nanoTime();
            SolutionRecorder.Callback callback = recorder.callback(false);
            CpSolverStatus status;
            try {
                status = searchOnce(nb, current, bestObjective, Math.min(LIMIT_SECONDS, left), seed, callback);
            } finally {
                callback.delete();
            }
            double took = (System.nanoTime() - started) / 1e9;
            if (LOG.isDebugEnabled()) {
                LOG.debugf("neighbourhood %s (%d slots, %d teams): %s in %.2f s, best %.3f", nb.kind(), nb.slotCount(),
                        nb.teamCount(), status, took, recorder.bestObjective());
            }
            synchronized (this) {
                searched++;
                if (callback.improving() > 0) {
                    improved++;
                }
                chooser.feedback(nb, status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.INFEASIBLE);
            }
        }
    }

    private CpSolverStatus searchOnce(Neighbourhood nb, List<Assignment> current, double bestObjective, double seconds, long seed,
            CpSolverSolutionCallback callback) {
        SeasonModel m = built.model();
        SeasonIndex ix = m.ix;
        boolean[][][] on = new boolean[ix.n][ix.n][ix.slotCount];
        for (Assignment g : current) {
            on[ix.team(g.home(), "incumbent")][ix.team(g.away(), "incumbent")][ix.slot(g.slot(), "incumbent")] = true;
        }
        CpModel sub = new CpModel();
        sub.getBuilder().mergeFrom(base);
        for (int h = 0; h < ix.n; h++) {
            for (int a = 0; a < ix.n; a++) {
                if (h == a) {
                    continue;
                }
                for (int s = 0; s < ix.slotCount; s++) {
                    BoolVar x = m.x[h][a][s];
                    if (nb.frees(h, a, s)) {
                        sub.addHint(x, on[h][a][s]);
                    } else {
                        long v = on[h][a][s] ? 1 : 0;
                        sub.getBuilder().getVariablesBuilder(x.getIndex()).clearDomain().addDomain(v).addDomain(v);
                    }
                }
            }
        }
        sub.addLessOrEqual(built.objective(), built.scale().strictlyBelow(bestObjective));
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(seconds).setRandomSeed((int) seed)
                .setLinearizationLevel(1);
        running.add(solver);
        try {
            return solver.solve(sub, callback);
        } finally {
            running.remove(solver);
        }
    }

    synchronized int searched() {
        return searched;
    }

    synchronized int improved() {
        return improved;
    }
}
