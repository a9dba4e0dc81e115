package io.flextime.validate.quarantine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * A record that failed validation, kept with its reasons until a user corrects (or drops) it and
 * replays. {@code record} is the record as stored (the JSON of Team, Venue, Slot, SeasonConstraint,
 * Matchup, Distance or HistoricalGame); {@code correction} the replacement the user sent.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuarantinedRecord(UUID id, UUID versionId, String entity, String entityId, Long row, JsonNode record,
        JsonNode reasons, String status, JsonNode correction, UUID replayedVersionId) {

    public static final String QUARANTINED = "QUARANTINED";
    public static final String CORRECTED = "CORRECTED";
    public static final String DROPPED = "DROPPED";
    public static final String REPLAYED = "REPLAYED";

    /** A new entry (not yet stored). */
    public static QuarantinedRecord of(String entity, String entityId, Long row, JsonNode record, JsonNode reasons) {
        return new QuarantinedRecord(null, null, entity, entityId, row, record, reasons, QUARANTINED, null, null);
    }
}
