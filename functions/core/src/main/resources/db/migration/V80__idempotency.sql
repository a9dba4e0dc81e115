-- Idempotency keys (issue 22; README "Idempotency-Key"). Migration range V80–V89.
-- One row per mutating door call that carried an Idempotency-Key: who called (tenant, token subject),
-- which door, the key, a fingerprint of the request, and once the door answered, its answer. A retry
-- with the same key gets that answer without a second effect (core IdempotentDoors).
CREATE TABLE idempotent_request (
    tenant       text        NOT NULL,
    door         text        NOT NULL,
    subject      text        NOT NULL,
    idem_key     text        NOT NULL CHECK (idem_key ~ '^[A-Za-z0-9._:-]{1,200}$'),
    fingerprint  text        NOT NULL,            -- SHA-256 of the request as the door read it
    state        text        NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    answer       text,                            -- the door's answer as it was sent, JSON (state DONE)
    created_at   timestamptz NOT NULL DEFAULT now(),
    answered_at  timestamptz,
    PRIMARY KEY (tenant, door, subject, idem_key)
);
CREATE INDEX idempotent_request_age_idx ON idempotent_request (tenant, created_at);
SELECT flextime_protect('idempotent_request');
