package io.flextime.solve.edit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.flextime.core.security.TenantScoped;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The body of {@code editDraft}: the version edited, its edits in order, and {@code check}: evaluate only,
 * save nothing. The tenant is the token's; {@code tenant}, when given, must be the same.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record EditRequest(String tenant, String scheduleVersionId, List<DraftEdit> edits, Boolean check) implements TenantScoped {
}
