-- validate (issue 4): validation reports, their findings, the per-version decision (the one
-- dataset.validated / dataset.rejected event of a version) and the quarantine of failing records.

-- One row per validation run of a dataset version (revision 1 = the run triggered by
-- dataset.ingested; later revisions come from HTTP re-validation). The full report is also in S3
-- under reports/<tenant>/<version>/validation.json (+ validation.html).
CREATE TABLE validation_report (
    id               uuid PRIMARY KEY,
    tenant           text             NOT NULL,
    version_id       uuid             NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    revision         integer          NOT NULL,
    outcome          text             NOT NULL,            -- VALIDATED, REJECTED
    score            double precision NOT NULL,
    completeness     double precision NOT NULL,
    validity         double precision NOT NULL,
    consistency      double precision NOT NULL,
    null_fraction    double precision NOT NULL,
    errors           integer          NOT NULL,
    warnings         integer          NOT NULL,
    infos            integer          NOT NULL,
    gate_reasons     jsonb            NOT NULL DEFAULT '[]',
    probe            jsonb            NOT NULL DEFAULT '{}',   -- CP-SAT probe status, conflict, seconds
    report_key       text             NOT NULL,
    html_key         text             NOT NULL,
    duration_ms      bigint           NOT NULL,
    correlation_id   text,
    created_at       timestamptz      NOT NULL DEFAULT now(),
    UNIQUE (version_id, revision)
);

CREATE TABLE validation_finding (
    report_id       uuid    NOT NULL REFERENCES validation_report (id) ON DELETE CASCADE,
    tenant          text    NOT NULL,
    seq             integer NOT NULL,
    code            text    NOT NULL,
    severity        text    NOT NULL,     -- ERROR, WARNING, INFO
    category        text    NOT NULL,     -- VALIDITY, CONSISTENCY, ANOMALY, FEASIBILITY, HISTORY
    entity          text    NOT NULL,
    entity_id       text,
    row_number      integer,
    field           text,
    message         text    NOT NULL,
    constraint_ids  text[]  NOT NULL DEFAULT '{}',
    row_count       bigint  NOT NULL DEFAULT 1,
    PRIMARY KEY (report_id, seq)
);
CREATE INDEX validation_finding_code_idx ON validation_finding (code);

-- The decision of a version and the event that announced it: at most one per version, whichever
-- trigger (a dataset.ingested, a duplicate of it, an HTTP re-validation) got there first.
CREATE TABLE validation_decision (
    version_id   uuid        PRIMARY KEY REFERENCES dataset_version (id) ON DELETE CASCADE,
    tenant       text        NOT NULL,
    report_id    uuid        NOT NULL REFERENCES validation_report (id),
    outcome      text        NOT NULL,
    event        jsonb       NOT NULL,      -- the CloudEvent emitted (re-emitted as is on duplicates)
    decided_at   timestamptz NOT NULL DEFAULT now()
);

-- Records that failed validation, with the reasons; a user corrects them (correction, or drop) and
-- replays: the corrections make a new dataset version, which is validated in turn.
CREATE TABLE quarantine_record (
    id                   uuid        PRIMARY KEY,
    tenant               text        NOT NULL,
    version_id           uuid        NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    entity               text        NOT NULL,       -- team, venue, slot, constraint, matchup, distance, historical_game
    entity_id            text        NOT NULL,
    row_number           bigint,
    record               jsonb,                      -- the record as stored
    reasons              jsonb       NOT NULL,       -- [{code, severity, field, message}]
    status               text        NOT NULL DEFAULT 'QUARANTINED',   -- QUARANTINED, CORRECTED, DROPPED, REPLAYED
    correction           jsonb,
    corrected_at         timestamptz,
    replayed_version_id  uuid,
    created_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (version_id, entity, entity_id)
);
CREATE INDEX quarantine_record_status_idx ON quarantine_record (version_id, status);

SELECT flextime_protect(t)
FROM unnest(ARRAY['validation_report', 'validation_finding', 'validation_decision', 'quarantine_record']) AS t;
