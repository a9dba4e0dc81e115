package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A publisher published a schedule version: it is what partners see from now on
 * ({@code flextime.schedule.published.v1}). Public calendar feeds and partner webhooks follow this event,
 * never a draft.
 *
 * @param scheduleVersionId the published version; the event's subject
 * @param season e.g. {@code big12-mbb-2025-26}
 * @param datasetVersionId the dataset version the schedule solves
 * @param publicationNumber the season's n-th publication (1, 2, ...)
 * @param previousScheduleVersionId the version published before (the game changes are against it), or null
 * @param superseded true if a version created after this one was published before it (the request said
 *        {@code supersede})
 * @param publishedBy the token subject of the publisher
 * @param manifestKey S3 key of the publication's manifest
 * @param counts games added, moved and removed since the previous publication
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchedulePublished(String scheduleVersionId, String season, String datasetVersionId, int publicationNumber,
        String previousScheduleVersionId, boolean superseded, String publishedBy, String manifestKey, Counts counts) {

    /**
     * Game changes of a publication.
     *
     * @param added games new (or reinstated) in this publication
     * @param moved games on another date, slot or venue
     * @param removed games cancelled
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(int added, int moved, int removed) {
    }
}
