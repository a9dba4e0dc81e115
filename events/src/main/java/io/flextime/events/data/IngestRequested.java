package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Ask ingest to load an uploaded object ({@code flextime.ingest.requested.v1}).
 *
 * @param tenant the conference, e.g. {@code big12}
 * @param bucket S3 bucket of the upload
 * @param key S3 key of the upload
 * @param format one of {@link #FORMATS}, or null to detect it from the object
 * @param requestedBy who asked (user, partner or {@code s3} for an upload notification)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestRequested(String tenant, String bucket, String key, String format, String requestedBy) {

    public static final String FORMAT_JSON = "json";
    public static final String FORMAT_CSV_ZIP = "csv-zip";
    public static final String FORMAT_CSV_MANIFEST = "csv-manifest";
    public static final String FORMAT_XLSX = "xlsx";
    public static final String FORMAT_ROBINX_XML = "robinx-xml";
    public static final String FORMAT_TTP_MATRIX = "ttp-matrix";

    /** The input formats ingest understands. */
    public static final List<String> FORMATS = List.of(FORMAT_JSON, FORMAT_CSV_ZIP, FORMAT_CSV_MANIFEST,
            FORMAT_XLSX, FORMAT_ROBINX_XML, FORMAT_TTP_MATRIX);
}
