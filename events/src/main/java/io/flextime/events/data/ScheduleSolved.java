package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A schedule version was stored ({@code flextime.schedule.solved.v1}).
 *
 * @param jobId the solve job
 * @param versionId the dataset version solved
 * @param scheduleVersionId the new schedule version; the event's subject
 * @param season e.g. {@code big12-mbb-2025-26}
 * @param status {@code OPTIMAL} or {@code FEASIBLE}
 * @param objective objective value
 * @param bestBound best proven bound
 * @param gap relative gap, 0 when optimal
 * @param games number of games
 * @param travelTotal total travel distance, km
 * @param elapsedSeconds solve time over all continuations
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduleSolved(String jobId, String versionId, String scheduleVersionId, String season,
        String status, double objective, double bestBound, double gap, int games, double travelTotal,
        double elapsedSeconds) {

    public static final String OPTIMAL = "OPTIMAL";
    public static final String FEASIBLE = "FEASIBLE";
}
