package io.flextime.core.messaging;

import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.health.DependencyReadiness;
import io.flextime.core.lifecycle.ShutdownSignal;
import io.flextime.core.metrics.FunctionMetrics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * When a consumer tries a failed event again. A failure while the function's dependencies are up is
 * retried with exponential backoff and jitter until the retry budget (a duration) is spent, then the
 * event is dead-lettered. A failure while a dependency's readiness check is down (a PostgreSQL
 * failover, Redis or S3 away) pauses the consumer instead: the record is held, readiness is polled,
 * and the event is tried again once everything is back, with the paused time added to its budget.
 * <p>
 * Mutiny's own {@code retry().withBackOff().expireIn()} fixes its deadline when the pipeline is built,
 * so a pause could not move it: the decision is made here and plugged in through {@code retry().when()}.
 */
@ApplicationScoped
public class ConsumerRetries {
    private static final Logger LOG = Logger.getLogger(ConsumerRetries.class);
    private static final double JITTER = 0.3;

    private final DependencyReadiness readiness;
    private final ShutdownSignal shutdown;
    private final FunctionMetrics metrics;
    private final Duration budget;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration poll;

    public ConsumerRetries(DependencyReadiness readiness, ShutdownSignal shutdown, FunctionMetrics metrics, FlexTimeConfig config) {
        this.readiness = readiness;
        this.shutdown = shutdown;
        this.metrics = metrics;
        this.budget = config.consumer().retryBudget();
        this.initialBackoff = config.consumer().initialBackoff();
        this.maxBackoff = config.consumer().maxBackoff();
        this.poll = config.consumer().readinessPoll();
    }

    /** A dependency was down and this process may not wait for it (Lambda: the event source redelivers). */
    public static final class DependencyDown extends RuntimeException {
        DependencyDown(List<String> down, Throwable cause) {
            super("dependencies not ready: " + String.join(", ", down), cause);
        }
    }

    /**
     * The retries of one event.
     *
     * @param mayPause whether this process holds the record while a dependency is down (a long-running
     *     consumer), or gives it back at once with {@link DependencyDown} (a Lambda invocation)
     */
    public Tries forEvent(String consumer, String what, boolean mayPause) {
        return new Tries(consumer, what, mayPause);
    }

    /** Not thread-safe: one event's attempts run one after another. */
    public final class Tries {
        private final String consumer;
        private final String what;
        private final boolean mayPause;
        private int attempts;
        /** Set at the first failure, once readiness has been asked: an event always gets at least one retry. */
        private long budgetEnds = -1;

        private Tries(String consumer, String what, boolean mayPause) {
            this.consumer = consumer;
            this.what = what;
            this.mayPause = mayPause;
        }

        /** Call before each attempt. */
        public void attempt() {
            attempts++;
        }

        public int attempts() {
            return attempts;
        }

        /**
         * The hook for {@code onFailure(...).retry().when(...)}: an item retries, a failure gives up with it. The
         * items must not be null (a Multi drops a null item, and the retry would never come).
         */
        public Flow.Publisher<Integer> decide(Multi<Throwable> failures) {
            return failures.onItem().transformToUniAndConcatenate(this::next);
        }

        private Uni<Integer> next(Throwable failure) {
            if (shutdown.stopping()) {
                return Uni.createFrom().failure(failure);
            }
            return readiness.down().chain(down -> {
                if (!down.isEmpty()) {
                    return mayPause ? pause(down, failure) : Uni.createFrom().failure(new DependencyDown(down, failure));
                }
                if (budgetEnds < 0) {
                    budgetEnds = System.nanoTime() + budget.toNanos();
                }
                long left = budgetEnds - System.nanoTime();
                if (left <= 0) {
                    return Uni.createFrom().failure(failure);
                }
                Duration wait = backoff(attempts);
                return Uni.createFrom().item(attempts).onItem().delayIt().by(wait.toNanos() < left ? wait : Duration.ofNanos(left));
            });
        }

        private Uni<Integer> pause(List<String> down, Throwable failure) {
            long start = System.nanoTime();
            LOG.warnf("%s: paused, not ready: %s; holding %s (failed with: %s) until they are back", consumer,
                    String.join(", ", down), what, failure.getMessage());
            return Uni.createFrom().voidItem().onItem().delayIt().by(poll)
                    .chain(readiness::down)
                    .repeat().whilst(still -> !still.isEmpty() && !shutdown.stopping())
                    .collect().last()
                    .chain(still -> {
                        Duration paused = Duration.ofNanos(System.nanoTime() - start);
                        metrics.consumerPaused(consumer, paused);
                        if (still != null && !still.isEmpty()) {
                            return Uni.createFrom().failure(failure); // stopping: left for the next process
                        }
                        if (budgetEnds >= 0) {
                            budgetEnds += paused.toNanos();
                        }
                        LOG.infof("%s: resumed after %.1f s paused; trying %s again", consumer, paused.toMillis() / 1000.0, what);
                        return Uni.createFrom().item(attempts);
                    });
        }
    }

    Duration backoff(int attempt) {
        double base = initialBackoff.toNanos() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxBackoff.toNanos());
        double jittered = capped * (1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1));
        return Duration.ofNanos((long) jittered);
    }
}
