package io.flextime.backup.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * The window a schedule firing belongs to: its time rounded down to the window length (epoch-aligned,
 * so UTC days and hours). EventBridge may deliver one firing twice, or a retry a little later: both
 * land in the same window and do one job.
 */
public final class ScheduleWindows {
    private ScheduleWindows() {
    }

    public static Instant windowStart(Instant firedAt, Duration window) {
        long s = window.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(firedAt.getEpochSecond(), s) * s);
    }
}
