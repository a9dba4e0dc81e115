-- Ingest (V10–V19): one row per ingest attempt that reached a decision — a new dataset version or a
-- quarantined upload — holding the event it emits. Written in the same transaction as the version's
-- rows, so a crash between commit and publish is healed by the next delivery of the same trigger
-- (which finds the row, sees published_at empty and publishes the recorded event; DESIGN §3).
CREATE TABLE ingest_attempt (
    id              uuid PRIMARY KEY,
    tenant          text        NOT NULL,
    source_bucket   text,
    source_key      text,
    checksum        text,
    format          text,
    status          text        NOT NULL,          -- INGESTED, FAILED
    version_id      uuid REFERENCES dataset_version (id) ON DELETE CASCADE,
    quarantine_key  text,
    problem         jsonb,                         -- RFC 9457 problem (with located errors) of a FAILED attempt
    event           jsonb       NOT NULL,          -- the CloudEvent emitted for this attempt
    published_at    timestamptz,
    correlation_id  text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ingest_attempt_version_idx ON ingest_attempt (version_id) WHERE version_id IS NOT NULL;
CREATE INDEX ingest_attempt_source_idx ON ingest_attempt (tenant, source_bucket, source_key, created_at DESC);
SELECT flextime_protect('ingest_attempt');
