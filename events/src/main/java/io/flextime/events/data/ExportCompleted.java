package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A schedule version was exported in every format ({@code flextime.export.completed.v1}).
 *
 * @param scheduleVersionId the schedule version; the event's subject
 * @param season e.g. {@code big12-mbb-2025-26}
 * @param manifestKey S3 key of the export manifest
 * @param files the files written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportCompleted(String scheduleVersionId, String season, String manifestKey,
        List<ExportFile> files) {

    /**
     * One exported file.
     *
     * @param file S3 key of the file
     * @param format csv, json, xlsx, pdf, ics, xml, robinx-xml
     * @param bytes size
     * @param sha256 SHA-256 (lower-case hex) of the content
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExportFile(String file, String format, long bytes, String sha256) {
    }
}
