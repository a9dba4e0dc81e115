package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A new season dataset version was stored ({@code flextime.dataset.ingested.v1}).
 *
 * @param datasetId the dataset (stable across versions)
 * @param versionId the new, immutable version; the event's subject
 * @param versionNumber 1, 2, ... within the dataset; also the event's {@code aggregateversion}
 * @param season e.g. {@code big12-mbb-2025-26}
 * @param checksum SHA-256 (lower-case hex) of the raw upload
 * @param format the input format, one of {@link IngestRequested#FORMATS}
 * @param rawObjectKey S3 key of the stored raw upload
 * @param counts entity counts of the version
 * @param delta changes from the previous version; null for a first version
 * @param autoSolve whether a successful validation should start a solve
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetIngested(
        String datasetId,
        String versionId,
        int versionNumber,
        String season,
        String checksum,
        String format,
        String rawObjectKey,
        Counts counts,
        Delta delta,
        boolean autoSolve) {

    /** Entity counts of a dataset version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(int teams, int venues, int slots, int constraints, int matchups, int distances,
            int historicalGames) {
    }

    /** Ids added, removed and changed per entity since the previous version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delta(
            List<String> teamsAdded, List<String> teamsRemoved, List<String> teamsChanged,
            List<String> venuesAdded, List<String> venuesRemoved, List<String> venuesChanged,
            List<String> slotsAdded, List<String> slotsRemoved, List<String> slotsChanged,
            List<String> constraintsAdded, List<String> constraintsRemoved, List<String> constraintsChanged) {
    }
}
