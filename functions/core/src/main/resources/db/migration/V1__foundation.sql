-- FlexTime foundation schema: the canonical season model (DESIGN §4), schedule versions and the
-- consumer inbox that makes event handling idempotent (DESIGN §3).
--
-- Tenant isolation: every table carries `tenant` (the conference) and is protected by row-level
-- security. Functions connect as `flextime_app` (no BYPASSRLS) and scope each transaction with
-- `SELECT set_config('flextime.tenant', <tenant>, true)`; a transaction without a tenant sees nothing.
-- The schema owner (migrations, backups) is not subject to the policies.
--
-- Migration numbering: V1–V9 foundation, V10+ ingest, V20+ validate, V30+ solve, V40+ export,
-- V50+ backup, V60+ pipeline operations.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'flextime_app') THEN
        CREATE ROLE flextime_app NOLOGIN;
    END IF;
END
$$;

CREATE FUNCTION flextime_tenant() RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('flextime.tenant', true), '') $$;

-- A season of one conference, e.g. big12 / big12-mbb-2025-26. Versions hang below it.
CREATE TABLE dataset (
    id          uuid PRIMARY KEY,
    tenant      text        NOT NULL,
    season      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant, season)
);

-- One immutable ingested version of a season dataset.
CREATE TABLE dataset_version (
    id                uuid PRIMARY KEY,
    tenant            text        NOT NULL,
    dataset_id        uuid        NOT NULL REFERENCES dataset (id),
    version_number    integer     NOT NULL,
    checksum          text        NOT NULL,          -- SHA-256 (hex) of the raw uploaded object
    source_format     text        NOT NULL,          -- json, csv-zip, csv-manifest, xlsx, robinx-xml, ttp-matrix
    source_key        text,                          -- where the upload came from
    raw_object_key    text,                          -- raw/<tenant>/<version>/...
    sport             text,
    name              text        NOT NULL,
    season_start      date,
    season_end        date,
    time_zone         text,
    format            jsonb       NOT NULL,          -- io.flextime.core.model.SeasonFormat
    objective_weights jsonb       NOT NULL,          -- io.flextime.core.model.ObjectiveWeights
    auto_solve        boolean     NOT NULL DEFAULT true,
    counts            jsonb       NOT NULL,
    delta             jsonb,
    status            text        NOT NULL DEFAULT 'INGESTED',   -- INGESTED, VALIDATED, REJECTED
    correlation_id    text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (dataset_id, version_number),
    UNIQUE (tenant, checksum)
);
CREATE INDEX dataset_version_tenant_idx ON dataset_version (tenant, created_at DESC);

CREATE TABLE team (
    version_id  uuid    NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    tenant      text    NOT NULL,
    team_id     text    NOT NULL,
    position    integer NOT NULL,      -- order in the source; RobinX/TTP index
    name        text    NOT NULL,
    venue_id    text,
    time_zone   text,
    attributes  jsonb   NOT NULL DEFAULT '{}',
    PRIMARY KEY (version_id, team_id)
);

CREATE TABLE venue (
    version_id  uuid    NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    tenant      text    NOT NULL,
    venue_id    text    NOT NULL,
    name        text    NOT NULL,
    city        text,
    latitude    double precision,
    longitude   double precision,
    capacity    integer,
    time_zone   text,
    PRIMARY KEY (version_id, venue_id)
);

CREATE TABLE slot (
    version_id  uuid    NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    tenant      text    NOT NULL,
    slot_index  integer NOT NULL,
    slot_date   date,
    start_time  time,
    end_time    time,
    label       text,
    PRIMARY KEY (version_id, slot_index)
);

CREATE TABLE season_constraint (
    version_id     uuid    NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    tenant         text    NOT NULL,
    constraint_id  text    NOT NULL,
    position       integer NOT NULL,
    type           text    NOT NULL,     -- CA1..SE1, VENUE_UNAVAILABLE, TEAM_UNAVAILABLE, FIXED_GAME, ...
    hard           boolean NOT NULL,
    penalty        integer NOT NULL DEFAULT 0,
    params         jsonb   NOT NULL DEFAULT '{}',
    PRIMARY KEY (version_id, constraint_id)
);

-- Required pairings (home, away, number of meetings) when the dataset gives them.
CREATE TABLE matchup (
    version_id  uuid    NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    tenant      text    NOT NULL,
    home_team   text    NOT NULL,
    away_team   text    NOT NULL,
    meetings    integer NOT NULL DEFAULT 1,
    PRIMARY KEY (version_id, home_team, away_team)
);

-- An explicit distance matrix (km) between venues; when absent, great-circle distances are used.
CREATE TABLE distance (
    version_id  uuid             NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    tenant      text             NOT NULL,
    from_venue  text             NOT NULL,
    to_venue    text             NOT NULL,
    km          double precision NOT NULL,
    PRIMARY KEY (version_id, from_venue, to_venue)
);

-- Results of past seasons, for analytics (the large table of the ingest benchmark).
CREATE TABLE historical_game (
    version_id  uuid    NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    tenant      text    NOT NULL,
    row_number  bigint  NOT NULL,
    season      text    NOT NULL,
    game_date   date    NOT NULL,
    home_team   text    NOT NULL,
    away_team   text    NOT NULL,
    home_score  integer,
    away_score  integer,
    venue_id    text,
    neutral     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (version_id, row_number)
);

-- A solved schedule of one dataset version.
CREATE TABLE schedule_version (
    id                  uuid PRIMARY KEY,
    tenant              text             NOT NULL,
    dataset_version_id  uuid             NOT NULL REFERENCES dataset_version (id),
    job_id              uuid             NOT NULL UNIQUE,
    season              text             NOT NULL,
    status              text             NOT NULL,      -- OPTIMAL, FEASIBLE
    objective           double precision,
    best_bound          double precision,
    gap                 double precision,
    travel_total        double precision,
    metrics             jsonb            NOT NULL DEFAULT '{}',  -- violations, travel/breaks per team, solver stats
    correlation_id      text,
    created_at          timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX schedule_version_season_idx ON schedule_version (tenant, season, created_at DESC);

CREATE TABLE game (
    schedule_version_id  uuid    NOT NULL REFERENCES schedule_version (id) ON DELETE CASCADE,
    tenant               text    NOT NULL,
    game_number          integer NOT NULL,
    slot_index           integer NOT NULL,
    game_date            date,
    home_team            text    NOT NULL,
    away_team            text    NOT NULL,
    venue_id             text,
    PRIMARY KEY (schedule_version_id, game_number)
);

-- Consumer inbox: one row per (consumer, input event id), written in the same transaction as the
-- consumer's effects, holding the events it emitted so a duplicate re-emits them (DESIGN §3).
CREATE TABLE processed_event (
    consumer      text        NOT NULL,
    event_id      text        NOT NULL,
    tenant        text        NOT NULL,
    event_type    text        NOT NULL,
    outputs       jsonb       NOT NULL DEFAULT '[]',
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Every tenant table of every later migration goes through this: RLS on, the tenant policy, and
-- the app role's grants. Usage: SELECT flextime_protect('my_table');
CREATE FUNCTION flextime_protect(table_name text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant = flextime_tenant()) '
                   'WITH CHECK (tenant = flextime_tenant())', table_name);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO flextime_app', table_name);
END
$$;

SELECT flextime_protect(t)
FROM unnest(ARRAY['dataset', 'dataset_version', 'team', 'venue', 'slot', 'season_constraint',
                  'matchup', 'distance', 'historical_game', 'schedule_version', 'game',
                  'processed_event']) AS t;
GRANT EXECUTE ON FUNCTION flextime_tenant() TO flextime_app;
