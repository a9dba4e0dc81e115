-- export (DESIGN §6): published export sets, per-game calendar identity, partner webhook endpoints,
-- messages, deliveries and their attempts. Migration range V40–V49.

-- One published export set per schedule version (a duplicate schedule.solved writes no second one).
CREATE TABLE export_set (
    schedule_version_id  uuid PRIMARY KEY REFERENCES schedule_version (id) ON DELETE CASCADE,
    tenant               text        NOT NULL,
    season               text        NOT NULL,
    previous_version_id  uuid,                     -- the export set this one was diffed against
    manifest_key         text        NOT NULL,
    files                jsonb       NOT NULL,     -- [{file, format, bytes, sha256}]
    changes              jsonb       NOT NULL,     -- {added, moved, removed} counts
    published_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX export_set_season_idx ON export_set (tenant, season, published_at DESC);

-- The calendar identity of every game as published, so the next version can keep UIDs, bump
-- SEQUENCE for moved games and carry cancelled ones forward (RFC 5545 §3.8.7.4).
CREATE TABLE exported_game (
    schedule_version_id  uuid    NOT NULL REFERENCES export_set (schedule_version_id) ON DELETE CASCADE,
    tenant               text    NOT NULL,
    uid                  text    NOT NULL,
    game_number          integer,                  -- null for a cancelled game carried forward
    slot_index           integer NOT NULL,
    game_date            date,
    home_team            text    NOT NULL,
    away_team            text    NOT NULL,
    meeting              integer NOT NULL,
    venue_id             text,
    sequence             integer NOT NULL,
    status               text    NOT NULL,         -- CONFIRMED, CANCELLED
    PRIMARY KEY (schedule_version_id, uid)
);

-- A partner endpoint (Standard Webhooks). event_types empty = every type; seasons empty = every season.
CREATE TABLE webhook_endpoint (
    id               text PRIMARY KEY,             -- ep_<random>
    tenant           text        NOT NULL,
    url              text        NOT NULL,
    description      text,
    event_types      text[]      NOT NULL DEFAULT '{}',
    seasons          text[]      NOT NULL DEFAULT '{}',
    enabled          boolean     NOT NULL DEFAULT true,
    disabled_reason  text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoint_tenant_idx ON webhook_endpoint (tenant, enabled);

-- Signing secrets (whsec_...). Several are active during a rotation: every active one signs.
-- The raw secret is needed to compute HMACs, so it is stored, not hashed.
CREATE TABLE webhook_secret (
    endpoint_id  text        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    tenant       text        NOT NULL,
    secret       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,                      -- null = current; set when rotated out
    PRIMARY KEY (endpoint_id, secret)
);

-- One message (the body every endpoint receives, signed per endpoint). id = the webhook-id header,
-- derived from the input event so a redelivered input creates no second message.
CREATE TABLE webhook_message (
    id          text PRIMARY KEY,                  -- msg_<hash of source event>
    tenant      text        NOT NULL,
    event_type  text        NOT NULL,
    season      text,
    payload     text        NOT NULL,              -- the exact JSON body that is signed
    correlation_id text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One delivery of a message to an endpoint; seq orders an endpoint's deliveries.
CREATE TABLE webhook_delivery (
    id               text PRIMARY KEY,             -- dlv_<hash of endpoint and message>
    seq              bigserial   NOT NULL,
    tenant           text        NOT NULL,
    endpoint_id      text        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    message_id       text        NOT NULL REFERENCES webhook_message (id),
    status           text        NOT NULL DEFAULT 'PENDING',  -- PENDING, DELIVERED, DEAD, DISABLED
    attempts         integer     NOT NULL DEFAULT 0,          -- attempts in the current cycle
    total_attempts   integer     NOT NULL DEFAULT 0,          -- attempts over all replays
    replays          integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (endpoint_id, message_id)
);
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (endpoint_id, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_tenant_idx ON webhook_delivery (tenant, created_at DESC);

-- Every attempt, as the issue asks ("every attempt logged").
CREATE TABLE webhook_attempt (
    delivery_id   text        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    tenant        text        NOT NULL,
    attempt       integer     NOT NULL,            -- total_attempts at the time, from 1
    started_at    timestamptz NOT NULL,
    duration_ms   integer     NOT NULL,
    status_code   integer,
    error         text,
    response      text,                            -- first bytes of the response body
    PRIMARY KEY (delivery_id, attempt)
);

SELECT flextime_protect(t)
FROM unnest(ARRAY['export_set', 'exported_game', 'webhook_endpoint', 'webhook_secret', 'webhook_message',
                  'webhook_delivery', 'webhook_attempt']) AS t;
GRANT USAGE, SELECT ON SEQUENCE webhook_delivery_seq_seq TO flextime_app;

-- The due-retry queue: one row per endpoint that has pending deliveries, due at its head delivery's
-- next attempt. NOT tenant-scoped on purpose: the scheduled sweep (EventBridge, every minute) runs
-- for all tenants and must find due work before it knows the tenant; RLS would hide every row from
-- a transaction without a tenant. It holds no tenant data beyond ids and times: the sweep claims rows
-- here (lease + SKIP LOCKED), then reads and updates the deliveries inside each row's tenant scope.
-- `generation` changes whenever new work is queued, so a sweep that finished an endpoint does not
-- remove a row that gained work meanwhile.
CREATE TABLE webhook_due (
    endpoint_id   text PRIMARY KEY,
    tenant        text        NOT NULL,
    due_at        timestamptz NOT NULL,
    generation    bigint      NOT NULL DEFAULT 1,
    leased_until  timestamptz,
    lease_owner   text
);
CREATE INDEX webhook_due_at_idx ON webhook_due (due_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_due TO flextime_app;
