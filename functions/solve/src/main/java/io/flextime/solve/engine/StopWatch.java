package io.flextime.solve.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Polls a stop condition every 100 ms while searches run and stops them when it holds: CP-SAT only
 * stops on {@code stopSearch()}, and a cancel or an invocation deadline must end a search promptly.
 */
public final class StopWatch implements AutoCloseable {
    private final ScheduledExecutorService poller;

    private StopWatch(BooleanSupplier condition, Runnable stop) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "solve-stop-watch");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleAtFixedRate(() -> {
            if (condition.getAsBoolean()) {
                stop.run();
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code stop} whenever {@code condition} holds, until closed. */
    public static StopWatch watch(BooleanSupplier condition, Runnable stop) {
        return new StopWatch(condition, stop);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
