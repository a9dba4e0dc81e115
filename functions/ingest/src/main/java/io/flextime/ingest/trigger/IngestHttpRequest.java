package io.flextime.ingest.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.flextime.core.security.TenantScoped;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * POST /ingest: either {@code dataset} (a season document inline) or {@code bucket} + {@code key} of an
 * object under {@code uploads/<tenant>/}; {@code format} and {@code season} are optional. The tenant is
 * the token's; {@code tenant}, when given, must be the same.
 */
@RegisterForReflection
public record IngestHttpRequest(String tenant, JsonNode dataset, String bucket, String key, String format, String season)
        implements TenantScoped {
}
