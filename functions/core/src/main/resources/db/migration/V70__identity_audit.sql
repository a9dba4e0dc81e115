-- Identity and audit (DESIGN §10; README "Identity, roles and audit"). Migration range V70–V79.

-- The tenants (conferences) FlexTime serves. A token naming a tenant that is not here is refused (401),
-- so a misconfigured identity provider cannot open a new, empty tenant space. Platform data, not a
-- tenant's: no RLS; the app role reads it and registers tenants through the operators' door.
CREATE TABLE tenant (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL
);
GRANT SELECT, INSERT ON tenant TO flextime_app;

-- The platform's own tenant (flextime.security.platform-tenant): its operators run the backups and
-- the schedules, and unauthenticated refusals are recorded in its trail. Tenants that already have
-- data are known.
INSERT INTO tenant (id, name, created_by) VALUES ('flextime', 'FlexTime platform', 'migration V70');
INSERT INTO tenant (id, created_by)
SELECT DISTINCT t.tenant, 'migration V70' FROM (SELECT tenant FROM dataset UNION SELECT tenant FROM webhook_endpoint) t
WHERE t.tenant ~ '^[a-z0-9][a-z0-9-]{0,62}$'
ON CONFLICT (id) DO NOTHING;

-- The audit trail: one row per mutation (written in the mutation's transaction) and per refusal.
-- Append-only: the app role may insert and read its tenant's rows, never update or delete; the
-- triggers refuse it to every role (a superuser can drop them, which a database audit log shows).
-- txid orders rows for shipping (the backup function copies every row, once, to an Object Lock
-- bucket: rows of transactions below the oldest running one are final).
CREATE TABLE audit_event (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant          text        NOT NULL,
    occurred_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    subject         text        NOT NULL,            -- the token's sub, or the trigger (aws, function:<name>)
    roles           text[]      NOT NULL DEFAULT '{}',
    via             text        NOT NULL,            -- http, lambda, kafka, internal
    action          text        NOT NULL,            -- the door (subscribe, restore, ...) or the event type
    target          jsonb       NOT NULL DEFAULT '{}',  -- ids of what was acted on
    outcome         text        NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
    status          integer,                         -- HTTP status of a refusal
    detail          text,                            -- why it was refused / failed
    correlation_id  text,
    txid            xid8        NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX audit_event_tenant_idx ON audit_event (tenant, id DESC);
CREATE INDEX audit_event_txid_idx ON audit_event (txid);

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_event FOR SELECT USING (tenant = flextime_tenant());
CREATE POLICY audit_append ON audit_event FOR INSERT WITH CHECK (tenant = flextime_tenant());
GRANT SELECT, INSERT ON audit_event TO flextime_app;

CREATE FUNCTION audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Webhook signing secrets are stored sealed from now on (the export function seals those stored
-- before, at its next start).
COMMENT ON COLUMN webhook_secret.secret IS 'sealed: ftsec1:<key id>:<base64 nonce|ciphertext|tag> (core SecretSealer)';
