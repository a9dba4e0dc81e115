package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A solve ended without a schedule ({@code flextime.schedule.infeasible.v1}).
 *
 * @param jobId the solve job; the event's subject
 * @param versionId the dataset version
 * @param status {@code INFEASIBLE} (proven) or {@code MODEL_INVALID}; {@code UNKNOWN} stays accepted for
 *     events of earlier releases (a budget that ends without a schedule is now {@code flextime.solve.unfinished.v1})
 * @param conflicts the smallest set of conflicting constraints CP-SAT could name (may be empty for UNKNOWN)
 * @param elapsedSeconds solve time over all continuations
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduleInfeasible(String jobId, String versionId, String status, List<Conflict> conflicts,
        double elapsedSeconds) {

    public static final String INFEASIBLE = "INFEASIBLE";
    public static final String MODEL_INVALID = "MODEL_INVALID";
    public static final String UNKNOWN = "UNKNOWN";

    /**
     * One constraint of the conflict set.
     *
     * @param constraintId the dataset constraint id (or a structural one such as {@code round-robin})
     * @param type the constraint type, e.g. {@code CA1}, {@code VENUE_UNAVAILABLE}
     * @param detail human-readable explanation
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conflict(String constraintId, String type, String detail) {
    }
}
