-- Solve jobs (functions/solve, package io.flextime.solve.job): one row per (dataset version, solve
-- parameters). The row is the durable part of a job; the live part (lock, checkpoint, cancel flag)
-- is in Redis (see functions/solve/README.md, "Jobs and checkpoints").
CREATE TABLE solve_job (
    id                    uuid PRIMARY KEY,             -- name-based UUID of (tenant, version, params_key)
    tenant                text             NOT NULL,
    dataset_version_id    uuid             NOT NULL REFERENCES dataset_version (id),
    params_key            text             NOT NULL,    -- SHA-256 of the canonical parameters
    params                jsonb            NOT NULL,    -- time budget, weights, seed, workers
    status                text             NOT NULL DEFAULT 'QUEUED',
        -- QUEUED, RUNNING, SUSPENDED (waiting for its continuation), SOLVED, INFEASIBLE, CANCELLED, FAILED
    phase                 text             NOT NULL DEFAULT 'QUEUED',
    result_status         text,                         -- OPTIMAL, FEASIBLE, INFEASIBLE, MODEL_INVALID, UNKNOWN
    objective             double precision,
    best_bound            double precision,
    gap                   double precision,
    elapsed_seconds       double precision NOT NULL DEFAULT 0,   -- over all invocations
    solutions             integer          NOT NULL DEFAULT 0,
    checkpoints           integer          NOT NULL DEFAULT 0,   -- checkpoints written
    checkpoint_loads      integer          NOT NULL DEFAULT 0,   -- invocations that resumed from one
    invocations           integer          NOT NULL DEFAULT 0,
    continuations         integer          NOT NULL DEFAULT 0,   -- solve.requested continuations emitted
    schedule_version_id   uuid,
    result_event          jsonb,                        -- the schedule.solved / .infeasible event, re-emitted on duplicates
    error                 text,
    correlation_id        text,
    created_at            timestamptz      NOT NULL DEFAULT now(),
    updated_at            timestamptz      NOT NULL DEFAULT now(),
    finished_at           timestamptz,
    UNIQUE (tenant, dataset_version_id, params_key)
);
CREATE INDEX solve_job_version_idx ON solve_job (tenant, dataset_version_id);

SELECT flextime_protect('solve_job');
