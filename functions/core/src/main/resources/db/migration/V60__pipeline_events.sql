-- The pipeline's event log: every CloudEvent a function publishes, recorded by core's EventPublisher.
-- `./flextime status` and the pipeline-status HTTP function read runs from it (grouped by
-- correlation id: one run from upload to webhook).
CREATE TABLE pipeline_event (
    event_id        text        PRIMARY KEY,
    tenant          text        NOT NULL,
    correlation_id  text        NOT NULL,
    type            text        NOT NULL,
    source          text        NOT NULL,
    subject         text,
    event_time      timestamptz NOT NULL,
    summary         jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX pipeline_event_run_idx ON pipeline_event (tenant, correlation_id, event_time);
CREATE INDEX pipeline_event_time_idx ON pipeline_event (tenant, event_time DESC);
SELECT flextime_protect('pipeline_event');
