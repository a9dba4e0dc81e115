package io.flextime.backup.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When each phase of one backup or restore ended, in seconds since it started (phases of a restore
 * overlap, so ends say more than durations). They travel with the answer, so a slow run explains
 * itself; the benchmark prints them. Thread-safe.
 */
public final class PhaseTimes {
    private final long start = System.nanoTime();
    private final Map<String, Double> endedAt = new LinkedHashMap<>();

    /** The phase {@code name} ended now (a name seen again moves its end). */
    public synchronized void ended(String name) {
        endedAt.remove(name);
        endedAt.put(name, Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
    }

    /** Phase → seconds since the start when it ended, in the order they ended. */
    public synchronized Map<String, Double> endedAt() {
        return new LinkedHashMap<>(endedAt);
    }
}
