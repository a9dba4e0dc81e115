package io.flextime.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A solved schedule of one dataset version. {@code metrics} holds per-constraint violations, travel
 * and breaks per team and solver statistics.
 */
public record ScheduleVersion(
        UUID id,
        String tenant,
        UUID datasetVersionId,
        UUID jobId,
        String season,
        String status,
        Double objective,
        Double bestBound,
        Double gap,
        Double travelTotal,
        JsonNode metrics,
        String correlationId,
        Instant createdAt,
        List<Game> games) {

    public ScheduleVersion {
        games = List.copyOf(games == null ? List.of() : games);
    }
}
