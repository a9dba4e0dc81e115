package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A dataset version failed validation ({@code flextime.dataset.rejected.v1}).
 *
 * @param versionId the dataset version; the event's subject
 * @param reportId the validation report
 * @param score quality score, 0..1
 * @param errors the blocking findings (at least one)
 * @param reportKey S3 key of the full report
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetRejected(String versionId, String reportId, double score, List<Issue> errors,
        String reportKey) {

    /**
     * One validation finding.
     *
     * @param code machine-readable, e.g. {@code VENUE_UNKNOWN}
     * @param severity {@code ERROR} or {@code WARNING}
     * @param entity the entity kind: team, venue, slot, constraint, ...
     * @param entityId the entity's id, or null
     * @param row 1-based source row, or null
     * @param field the offending field, or null
     * @param message human-readable explanation
     * @param constraintIds for feasibility findings: the constraints that conflict (optional)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Issue(String code, String severity, String entity, String entityId, Integer row, String field,
            String message, List<String> constraintIds) {

        /** An issue without named constraints. */
        public Issue(String code, String severity, String entity, String entityId, Integer row, String field,
                String message) {
            this(code, severity, entity, entityId, row, field, message, null);
        }
    }
}
