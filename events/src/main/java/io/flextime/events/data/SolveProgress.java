package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A throttled progress report of a running solve ({@code flextime.solve.progress.v1}).
 *
 * @param jobId the solve job; the event's subject
 * @param versionId the dataset version
 * @param phase e.g. {@code MODEL}, {@code PRESOLVE}, {@code SEARCH}, {@code CHECKPOINT}
 * @param objective best objective so far, or null before the first solution
 * @param bestBound best bound so far, or null
 * @param gap relative gap, or null
 * @param elapsedSeconds since the job started (over all continuations)
 * @param solutions improving solutions found so far
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SolveProgress(String jobId, String versionId, String phase, Double objective, Double bestBound,
        Double gap, double elapsedSeconds, int solutions) {
}
