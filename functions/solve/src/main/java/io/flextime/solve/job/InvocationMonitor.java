package io.flextime.solve.job;

import io.flextime.core.store.RedisLock;
import io.flextime.solve.engine.Incumbent;
import io.flextime.solve.engine.SolutionListener;
import io.flextime.solve.engine.SolveResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Watches one solver invocation from outside the solver. The solver thread only hands improving
 * solutions to {@link #onSolution} (a reference swap); a small periodic task on another thread renews
 * the lock, polls the cancel flag and the invocation deadline, writes throttled checkpoints and
 * progress events. CP-SAT calls the solution callback on a search thread: any Redis or Kafka round
 * trip there would slow the search, which is the whole point of keeping it out.
 */
public final class InvocationMonitor implements SolutionListener {
    private static final Logger LOG = Logger.getLogger(InvocationMonitor.class);
    private static final long TICK_MILLIS = 200;
    private static final long CANCEL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Why the monitor asked the solver to stop, if it did. */
    public enum StopReason { NONE, DEADLINE, CANCELLED, LEASE_LOST, SHUTDOWN }

    /** Where checkpoints and progress go (Redis + the job row, Kafka): the runner's stores. */
    public interface Sink {
        void checkpoint(Checkpoint checkpoint);

        void progress(Checkpoint best, double elapsedSeconds, Double bestBound);

        boolean cancelRequested();
    }

    private final JobContext job;
    private final Sink sink;
    private final RedisLock.Lease lease;
    private final long startNanos;
    private final long deadlineNanos;
    private final long checkpointIntervalNanos;
    private final long progressIntervalNanos;
    private final long renewIntervalNanos;

    private final AtomicReference<Incumbent> latest = new AtomicReference<>();
    private final AtomicReference<StopReason> stop = new AtomicReference<>(StopReason.NONE);
    private ScheduledFuture<?> task;

    // Touched only under "this" (ticks and the final flush).
    private Incumbent checkpointed;
    private Checkpoint lastCheckpoint;
    private long lastCheckpointNanos = Long.MIN_VALUE / 2;
    /** Starts at the invocation's start: the previous invocation's last progress event is at least an interval ago. */
    private long lastProgressNanos;
    private long lastRenewNanos;
    private long lastCancelPollNanos = Long.MIN_VALUE / 2;
    private int checkpointsWritten;
    private long busyNanos;

    /**
     * @param job    the job, its model hash and what earlier invocations left (checkpoint, elapsed time)
     * @param lease  the job's lock, renewed here; null when running without one (benchmark)
     */
    public InvocationMonitor(JobContext job, Sink sink, RedisLock.Lease lease, long deadlineNanos, SolveConfig config) {
        this.job = job;
        this.sink = sink;
        this.lease = lease;
        this.startNanos = System.nanoTime();
        this.lastRenewNanos = startNanos;
        this.lastProgressNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.checkpointIntervalNanos = config.checkpointInterval().toNanos();
        this.progressIntervalNanos = config.progressInterval().toNanos();
        this.renewIntervalNanos = config.lockTtl().toNanos() / 3;
        this.lastCheckpoint = job.resumedFrom().orElse(null);
    }

    @Override
    public void onSolution(Incumbent incumbent) {
        if (job.objectiveCutoff() != null && incumbent.objective() >= job.objectiveCutoff()) {
            return; // the resumed checkpoint found again: nothing new to record
        }
        latest.accumulateAndGet(incumbent, (old, now) -> old == null || now.objective() <= old.objective() ? now : old);
    }

    public boolean stopRequested() {
        return stop.get() != StopReason.NONE;
    }

    public StopReason stopReason() {
        return stop.get();
    }

    /** Asks the solver to stop (e.g. the process is shutting down); the first reason wins. */
    public void requestStop(StopReason reason) {
        stop.compareAndSet(StopReason.NONE, reason);
    }

    public void start(ScheduledExecutorService scheduler) {
        task = scheduler.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic task; waits for a running tick so nothing is written after this returns. */
    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
        synchronized (this) {
            // a tick in progress holds the monitor; entering it means it has finished
        }
    }

    public double invocationSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public double totalElapsedSeconds() {
        return job.elapsedBefore() + invocationSeconds();
    }

    public int checkpointsWritten() {
        return checkpointsWritten;
    }

    /** CPU time spent on checkpoints, progress, lock and cancel checks: the checkpoint overhead benchmark's figure. */
    public synchronized double busySeconds() {
        return busyNanos / 1e9;
    }

    /** The best solution known now, this invocation's or the one it resumed from. */
    public synchronized Optional<Checkpoint> best() {
        Incumbent inc = latest.get();
        if (inc == null || inc == checkpointed || lastCheckpoint != null && inc.objective() > lastCheckpoint.objective()) {
            return Optional.ofNullable(lastCheckpoint);
        }
        return Optional.of(toCheckpoint(inc));
    }

    /** Writes the best solution now if it was not written yet (before a continuation or after a stop). */
    public synchronized Optional<Checkpoint> flush() {
        long cpu0 = cpuNanos();
        Incumbent inc = latest.get();
        if (inc != null && inc != checkpointed) {
            write(inc, System.nanoTime());
            busyNanos += cpuNanos() - cpu0;
        }
        return Optional.ofNullable(lastCheckpoint);
    }

    /**
     * A lower bound that holds for the whole model. With an objective cutoff the solver's bound only
     * covers solutions better than the cutoff, and the checkpoint itself is a solution at the cutoff:
     * so min(bound, cutoff) is valid, and the best over invocations is kept.
     */
    public Double validBound(Double solverBound) {
        Double bound = job.bestBoundBefore();
        if (solverBound != null && !solverBound.isNaN() && !solverBound.isInfinite()) {
            double b = job.objectiveCutoff() == null ? solverBound : Math.min(solverBound, job.objectiveCutoff());
            bound = bound == null ? b : Math.max(bound, b);
        }
        return bound;
    }

    private synchronized void tick() {
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        try {
            if (lease != null && t0 - lastRenewNanos >= renewIntervalNanos) {
                if (!lease.renew()) {
                    LOG.warnf("job %s: another invocation holds its lock now; stopping without writing", job.jobId());
                    requestStop(StopReason.LEASE_LOST);
                    return;
                }
                // only a renewal that reached Redis counts: after a failed one the next tick tries again
                lastRenewNanos = t0;
            }
            if (t0 - lastCancelPollNanos >= CANCEL_POLL_NANOS) {
                lastCancelPollNanos = t0;
                if (sink.cancelRequested()) {
                    requestStop(StopReason.CANCELLED);
                }
            }
            if (t0 >= deadlineNanos) {
                requestStop(StopReason.DEADLINE);
            }
            Incumbent inc = latest.get();
            if (inc != null && inc != checkpointed && t0 - lastCheckpointNanos >= checkpointIntervalNanos) {
                write(inc, t0);
            }
            if (System.nanoTime() - lastProgressNanos >= progressIntervalNanos && !stopRequested()) {
                Incumbent now = latest.get();
                sink.progress(best().orElse(null), totalElapsedSeconds(), validBound(now == null ? null : now.bestBound()));
                // measured after the event got its timestamp, so two events are always an interval apart
                lastProgressNanos = System.nanoTime();
            }
        } catch (RuntimeException e) {
            // A Redis or Kafka hiccup must not end the periodic task (an exception would cancel it).
            LOG.warnf(e, "job %s: checkpoint/progress tick failed; retrying on the next tick", job.jobId());
        } finally {
            busyNanos += cpuNanos() - cpu0;
        }
    }

    /** CPU time of this thread: what checkpointing takes from the search (waiting on Redis takes nothing). */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private void write(Incumbent inc, long now) {
        Checkpoint cp = toCheckpoint(inc);
        sink.checkpoint(cp);
        checkpointed = inc;
        lastCheckpoint = cp;
        lastCheckpointNanos = now;
        checkpointsWritten++;
    }

    private Checkpoint toCheckpoint(Incumbent inc) {
        Double bound = validBound(inc.bestBound());
        if (bound != null) {
            bound = Math.min(bound, inc.objective());
        }
        return new Checkpoint(job.jobId(), job.modelHash(), inc.games(), inc.objective(), bound,
                job.elapsedBefore() + inc.elapsedSeconds(), job.solutionsBefore() + countOf(inc), job.invocation(),
                Instant.now());
    }

    private int countOf(Incumbent inc) {
        return Math.max(1, inc.solutionNumber());
    }

    /** Relative gap of the best known solution, for events and the job row. */
    public static Double gap(Double objective, Double bound) {
        return objective == null || bound == null ? null : SolveResult.gap(objective, bound);
    }
}
