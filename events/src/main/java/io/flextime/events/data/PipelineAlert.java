package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something an operator should know about ({@code flextime.pipeline.alert.v1}).
 *
 * @param severity {@code INFO}, {@code WARNING} or {@code ERROR}
 * @param stage the function or stage: ingest, validate, solve, export, backup, ...; the event's subject
 * @param outcome short machine-readable outcome, e.g. {@code DEAD_LETTERED}, {@code BUDGET_EXHAUSTED}
 * @param message human-readable explanation
 * @param runCorrelationId the correlation id of the run concerned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineAlert(String severity, String stage, String outcome, String message,
        String runCorrelationId) {

    public static final String INFO = "INFO";
    public static final String WARNING = "WARNING";
    public static final String ERROR = "ERROR";
}
