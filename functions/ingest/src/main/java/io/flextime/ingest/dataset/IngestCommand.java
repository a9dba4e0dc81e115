package io.flextime.ingest.dataset;

import io.flextime.core.audit.Actor;

/**
 * Ingest one uploaded object. The same command whatever the trigger (S3 event, HTTP, Kafka).
 *
 * @param format  declared format (one of IngestRequested.FORMATS) or null to detect it
 * @param season  season key that overrides the document's (from {@code uploads/<tenant>/<season>/...}), or null
 * @param actor   who asked (the audit trail's record of the ingest)
 */
public record IngestCommand(String tenant, String bucket, String key, String format, String season, String requestedBy,
        String correlationId, Actor actor) {
}
