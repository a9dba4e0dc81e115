package io.flextime.ingest.dataset;

/**
 * Ingest one uploaded object. The same command whatever the trigger (S3 event, HTTP, Kafka).
 *
 * @param format  declared format (one of IngestRequested.FORMATS) or null to detect it
 * @param season  season key that overrides the document's (from {@code uploads/<tenant>/<season>/...}), or null
 */
public record IngestCommand(String tenant, String bucket, String key, String format, String season, String requestedBy,
        String correlationId) {
}
