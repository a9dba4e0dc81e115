package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Start or continue a solve ({@code flextime.solve.requested.v1}). A continuation is emitted by solve itself
 * before its invocation deadline; it resumes from the job's checkpoint.
 *
 * @param jobId the solve job; null on a first request (solve assigns one)
 * @param versionId the dataset version to solve; the event's subject
 * @param timeBudgetSeconds total wall-clock budget of the job
 * @param weights objective weights
 * @param seed random seed, or null for the profile's
 * @param workers CP-SAT workers, or null for the machine's cores
 * @param continuation true if this resumes an existing job
 * @param continuationNumber 0 for a first request, then 1, 2, ...
 * @param remainingSeconds budget left for a continuation, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SolveRequested(
        String jobId,
        String versionId,
        int timeBudgetSeconds,
        Weights weights,
        Long seed,
        Integer workers,
        boolean continuation,
        int continuationNumber,
        Integer remainingSeconds) {

    /**
     * Objective = travel x distance + penalty x soft-constraint penalties.
     *
     * @param travel weight of travel distance
     * @param penalty weight of soft-constraint penalties
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Weights(double travel, double penalty) {
    }
}
