package io.flextime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalSchedulerTest {
    @Test
    void firesOnTheAlignedInstantsOfThePeriodOnce() {
        assertEquals(List.of(120L, 180L), LocalScheduler.due(60, 61, 180), "each minute boundary in (61, 180]");
        assertEquals(List.of(), LocalScheduler.due(60, 120, 179), "the boundary already passed is not fired again");
    }

    @Test
    void theEventHasTheShapeEventBridgeDelivers() {
        String e = LocalScheduler.event("nightly-full-backup", java.time.Instant.parse("2026-11-24T02:00:00Z"));
        assertEquals(true, e.contains("\"detail-type\":\"Scheduled Event\"") && e.contains("\"time\":\"2026-11-24T02:00:00Z\"")
                && e.contains("schedule/default/nightly-full-backup"));
    }
}
