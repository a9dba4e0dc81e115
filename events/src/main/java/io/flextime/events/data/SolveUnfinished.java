package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A solve's budget ended before any schedule was found ({@code flextime.solve.unfinished.v1}). Not a proof
 * that none exists (that is {@code flextime.schedule.infeasible.v1} with status {@code INFEASIBLE}): the job
 * can be given more time with {@code continueSolve}, and goes on from its checkpoint.
 *
 * @param jobId the solve job; the event's subject
 * @param versionId the dataset version
 * @param elapsedSeconds solve time over all continuations
 * @param fewestHardDeviations hard-rule deviations of the nearest schedule the search reached (null when it
 *     reached none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SolveUnfinished(String jobId, String versionId, double elapsedSeconds, Integer fewestHardDeviations) {
}
