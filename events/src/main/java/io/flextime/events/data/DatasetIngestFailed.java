package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An upload could not be ingested and was quarantined ({@code flextime.dataset.ingest-failed.v1}).
 *
 * @param sourceBucket bucket of the upload
 * @param sourceKey key of the upload; the event's subject
 * @param quarantineKey S3 key of the quarantined copy (with its problem report)
 * @param checksum SHA-256 of the upload, or null if it could not be read
 * @param problems what is wrong, at least one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetIngestFailed(String sourceBucket, String sourceKey, String quarantineKey, String checksum,
        List<Problem> problems) {

    /**
     * One problem, located as precisely as possible.
     *
     * @param code machine-readable, e.g. {@code MISSING_COLUMN}
     * @param file file inside the upload (CSV in a zip, the JSON document), or null
     * @param sheet workbook sheet, or null
     * @param row 1-based row (line), or null
     * @param column column or field name, or null
     * @param reason human-readable explanation
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String code, String file, String sheet, Integer row, String column, String reason) {
    }
}
