package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A point-in-time restore finished ({@code flextime.restore.completed.v1}).
 *
 * @param restoreId the restore; the event's subject
 * @param targetTime the point in time restored to
 * @param target the database or schema restored into
 * @param backupIds the chain applied, full backup first
 * @param rows rows restored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestoreCompleted(String restoreId, Instant targetTime, String target, List<String> backupIds,
        long rows) {
}
