package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A dataset version passed validation ({@code flextime.dataset.validated.v1}).
 *
 * @param versionId the dataset version; the event's subject
 * @param reportId the validation report
 * @param score quality score, 0..1
 * @param warnings number of warnings in the report
 * @param reportKey S3 key of the report
 * @param autoSolve whether solve should start on this event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetValidated(String versionId, String reportId, double score, int warnings, String reportKey,
        boolean autoSolve) {
}
