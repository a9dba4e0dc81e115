-- The backup function's own role (README "Identity, roles and audit"; functions/backup/README.md
-- "Database role"): not a superuser, never the schema owner. It reads every tenant's rows (BYPASSRLS,
-- SELECT), keeps its catalog and the change log, records audit rows, and creates restore and
-- verification databases (CREATEDB) as copies of templates the schema owner builds
-- (`./flextime db template`), in which it owns the tables. It runs no DDL on the live database.
-- The stack (locally) and the deployment (infra/terraform, README step 5) give it LOGIN and a password.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'flextime_backup') THEN
        CREATE ROLE flextime_backup NOLOGIN NOSUPERUSER NOCREATEROLE BYPASSRLS CREATEDB;
    ELSE
        ALTER ROLE flextime_backup NOSUPERUSER NOCREATEROLE BYPASSRLS CREATEDB;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO flextime_backup;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO flextime_backup;
-- Tables of later migrations (created by the schema owner, who runs the migrations) are readable too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO flextime_backup;
GRANT INSERT, UPDATE, DELETE ON backup_run, backup_change_txn, backup_change_log TO flextime_backup;
GRANT INSERT ON audit_event TO flextime_backup;

-- Attaching the capture triggers needs the tables' owner: the backup calls this, the owner acts.
ALTER FUNCTION backup_capture_attach_all() SECURITY DEFINER SET search_path = public, pg_temp;
REVOKE EXECUTE ON FUNCTION backup_capture_attach_all() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION backup_capture_attach_all() TO flextime_backup;

-- Restores load with session_replication_role = replica (no FK checks, no capture triggers): a PG 15
-- parameter grant, which only a superuser (rds_superuser on RDS) may give. Without it a restore fails
-- with a clear error and the operator grants it (README step 5).
DO $$
BEGIN
    EXECUTE 'GRANT SET ON PARAMETER session_replication_role TO flextime_backup';
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'GRANT SET ON PARAMETER session_replication_role TO flextime_backup needs a superuser: grant it by hand';
END
$$;

-- Audit shipping (the backup function's shipAuditTrail): each shipment is every audit row of the
-- transactions in [from_xid, to_xid), all of them finished when it ran (to_xid = the oldest xid still
-- running), written to an Object Lock bucket; the next one starts where this one ended.
CREATE TABLE backup_audit_shipment (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_xid         xid8        NOT NULL,
    to_xid           xid8        NOT NULL,
    object_key       text        NOT NULL,
    rows             integer     NOT NULL,
    sha256           text        NOT NULL,
    previous_sha256  text,
    shipped_at       timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON backup_audit_shipment TO flextime_backup;
