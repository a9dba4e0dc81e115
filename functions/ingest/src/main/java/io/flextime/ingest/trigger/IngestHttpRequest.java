package io.flextime.ingest.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * POST /ingest: either {@code dataset} (a season document inline) or {@code bucket} + {@code key} of an
 * uploaded object, for {@code tenant}; {@code format} and {@code season} are optional.
 */
@RegisterForReflection
public record IngestHttpRequest(String tenant, JsonNode dataset, String bucket, String key, String format, String season) {
}
