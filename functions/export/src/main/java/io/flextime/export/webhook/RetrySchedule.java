package io.flextime.export.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the next attempt of a failing delivery is due: attempt n (1-based) waits {@code delays[n-1]}
 * after attempt n-1, jittered by ±{@code jitter} so that many endpoints failing together do not
 * retry in lockstep. After the last attempt there is none.
 */
public final class RetrySchedule {
    private final List<Duration> delays;
    private final double jitter;

    public RetrySchedule(List<Duration> delays, double jitter) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least one attempt");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
    }

    public int maxAttempts() {
        return delays.size();
    }

    /** When attempt {@code attemptsMade + 1} is due, or empty when {@code attemptsMade} was the last. */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant now) {
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        long millis = delays.get(attemptsMade).toMillis();
        double factor = jitter == 0 ? 1 : 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Optional.of(now.plusMillis(Math.round(millis * factor)));
    }
}
