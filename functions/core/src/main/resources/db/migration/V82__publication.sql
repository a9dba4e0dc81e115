-- The scheduler's workflow (issue 21; DESIGN §6): a solved version is a DRAFT until a publisher
-- publishes it; drafts come from a solve, an edit of another draft or a re-plan of a base version
-- (parent_version_id); pinned games never move in an edit or re-plan; publication is serialized per
-- season (a lease row here, and a unique publication number per season on export_set). Numbered after
-- V81 so that databases already at V81 take it in order (Flyway refuses out-of-order migrations).

ALTER TABLE schedule_version
    ADD COLUMN lifecycle          text NOT NULL DEFAULT 'DRAFT' CHECK (lifecycle IN ('DRAFT', 'PUBLISHED')),
    ADD COLUMN origin             text NOT NULL DEFAULT 'solve' CHECK (origin IN ('solve', 'edit', 'replan')),
    ADD COLUMN parent_version_id  uuid REFERENCES schedule_version (id),
    ADD COLUMN published_at       timestamptz;

ALTER TABLE game ADD COLUMN pinned boolean NOT NULL DEFAULT false;

-- Versions exported before this migration were published by the old flow.
UPDATE schedule_version s SET lifecycle = 'PUBLISHED', published_at = e.published_at
FROM export_set e WHERE e.schedule_version_id = s.id;

-- One row per season that was ever published or is being published. The lease (token, until) admits
-- one publication at a time; current_version_id is what partners see.
CREATE TABLE season_publication (
    tenant              text        NOT NULL,
    season              text        NOT NULL,
    current_version_id  uuid REFERENCES schedule_version (id),
    publications        integer     NOT NULL DEFAULT 0,
    lease_token         uuid,
    lease_version_id    uuid,
    lease_until         timestamptz,
    PRIMARY KEY (tenant, season)
);
SELECT flextime_protect('season_publication');

INSERT INTO season_publication (tenant, season, current_version_id, publications)
SELECT DISTINCT ON (tenant, season) tenant, season, schedule_version_id,
       count(*) OVER (PARTITION BY tenant, season)
FROM export_set ORDER BY tenant, season, published_at DESC;

-- The n-th publication of a season (1, 2, ...): two publications can never take the same place.
-- outputs: the events the publication emitted, re-emitted when the same publication is asked again.
ALTER TABLE export_set
    ADD COLUMN publication_number  integer,
    ADD COLUMN published_by        text,
    ADD COLUMN outputs             jsonb NOT NULL DEFAULT '[]';
UPDATE export_set e SET publication_number = n.number
FROM (SELECT schedule_version_id, row_number() OVER (PARTITION BY tenant, season ORDER BY published_at) AS number
      FROM export_set) n
WHERE n.schedule_version_id = e.schedule_version_id;
ALTER TABLE export_set ALTER COLUMN publication_number SET NOT NULL;
CREATE UNIQUE INDEX export_set_publication_number_idx ON export_set (tenant, season, publication_number);
