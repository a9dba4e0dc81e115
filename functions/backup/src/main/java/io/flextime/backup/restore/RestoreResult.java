package io.flextime.backup.restore;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a restore applied: the chain, the point in time it reached, the rows per table, and when each of
 * its phases ended (seconds since it began).
 */
@RegisterForReflection
public record RestoreResult(String restoreId, String target, Instant targetTime, Instant restoredTo, List<String> backupIds,
        long rows, Map<String, Long> rowsPerTable, double seconds, Map<String, Double> phases) {
}
