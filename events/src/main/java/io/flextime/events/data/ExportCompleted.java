package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Files of a schedule version were written ({@code flextime.export.completed.v1}): a draft's review files
 * (report, grid, comparison with the published version) or a publication's files in every format.
 *
 * @param scheduleVersionId the schedule version; the event's subject
 * @param season e.g. {@code big12-mbb-2025-26}
 * @param manifestKey S3 key of the export manifest
 * @param files the files written
 * @param stage {@code draft} (review files under the drafts prefix) or {@code publication}; null from
 *        producers before drafts existed (a publication)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportCompleted(String scheduleVersionId, String season, String manifestKey,
        List<ExportFile> files, String stage) {

    public static final String DRAFT = "draft";
    public static final String PUBLICATION = "publication";

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
