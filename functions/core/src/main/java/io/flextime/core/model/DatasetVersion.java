package io.flextime.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** Metadata of one immutable ingested version of a season dataset. */
public record DatasetVersion(
        UUID id,
        String tenant,
        UUID datasetId,
        String season,
        int versionNumber,
        String checksum,
        String sourceFormat,
        String sourceKey,
        String rawObjectKey,
        String status,
        JsonNode counts,
        JsonNode delta,
        String correlationId,
        Instant createdAt) {
}
