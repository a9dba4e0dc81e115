-- backup (DESIGN §7): the backup catalog and the change capture that makes incremental backups and
-- point-in-time restore possible. Migration range V50–V59.
--
-- None of these tables is tenant data: they describe or record the whole database across every
-- conference, and only the schema owner (the backup function's role, which bypasses RLS) touches
-- them. So: no `tenant` column, no flextime_protect(), and no grant to flextime_app. The capture
-- triggers write the change log through SECURITY DEFINER functions, so the app role's writes are
-- captured without the app role being able to read or alter the log.

-- One row per backup, written by the backup function. window_key makes a schedule window do one
-- backup even when its trigger arrives twice (null for "back up now").
CREATE TABLE backup_run (
    backup_id      text PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('FULL', 'INCREMENTAL')),
    parent_id      text,
    window_key     text UNIQUE,
    status         text        NOT NULL DEFAULT 'RUNNING',   -- RUNNING, COMPLETED, FAILED, DELETED
    manifest_key   text,
    snapshot       text,                                    -- pg_snapshot the backup read
    snapshot_at    timestamptz,
    started_at     timestamptz NOT NULL DEFAULT now(),
    ended_at       timestamptz,
    tables         integer,
    row_count      bigint,
    bytes          bigint,
    error          text,
    verified_at    timestamptz,
    verified_ok    boolean
);
CREATE INDEX backup_run_snapshot_idx ON backup_run (status, snapshot_at DESC);

-- One row per writing transaction: committed_at is stamped by a deferred constraint trigger, i.e.
-- as the last thing the transaction does before its commit (track_commit_timestamp is a
-- server-restart setting and is off on RDS by default; this works everywhere). See the README.
CREATE TABLE backup_change_txn (
    xid           xid8 PRIMARY KEY,
    committed_at  timestamptz
);

-- Every row change of every project table: inserts and deletes captured per statement (transition
-- tables), updates per row (old and new paired), truncates as one entry.
CREATE TABLE backup_change_log (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid         xid8    NOT NULL,
    table_name  text    NOT NULL,
    op          "char"  NOT NULL,          -- I, U, D, T
    old_row     jsonb,
    new_row     jsonb
);
CREATE INDEX backup_change_log_xid_idx ON backup_change_log (xid);

CREATE FUNCTION backup_note_txn() RETURNS xid8
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    x xid8 := pg_current_xact_id();
BEGIN
    INSERT INTO backup_change_txn (xid) VALUES (x) ON CONFLICT (xid) DO NOTHING;
    RETURN x;
END
$$;

CREATE FUNCTION backup_stamp_commit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
BEGIN
    UPDATE backup_change_txn SET committed_at = clock_timestamp() WHERE xid = NEW.xid;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER backup_stamp_commit AFTER INSERT ON backup_change_txn
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION backup_stamp_commit();

CREATE FUNCTION backup_capture_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    x xid8 := backup_note_txn();
BEGIN
    INSERT INTO backup_change_log (xid, table_name, op, new_row)
    SELECT x, TG_TABLE_NAME, 'I', to_jsonb(n) FROM backup_new_rows n;
    RETURN NULL;
END
$$;

CREATE FUNCTION backup_capture_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    x xid8 := backup_note_txn();
BEGIN
    INSERT INTO backup_change_log (xid, table_name, op, old_row)
    SELECT x, TG_TABLE_NAME, 'D', to_jsonb(o) FROM backup_old_rows o;
    RETURN NULL;
END
$$;

-- Per row: statement-level transition tables of an UPDATE do not say which old row became which
-- new one, and a restore needs both (the old key to find the row, the new values to set).
CREATE FUNCTION backup_capture_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
BEGIN
    INSERT INTO backup_change_log (xid, table_name, op, old_row, new_row)
    VALUES (backup_note_txn(), TG_TABLE_NAME, 'U', to_jsonb(OLD), to_jsonb(NEW));
    RETURN NULL;
END
$$;

CREATE FUNCTION backup_capture_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
BEGIN
    INSERT INTO backup_change_log (xid, table_name, op) VALUES (backup_note_txn(), TG_TABLE_NAME, 'T');
    RETURN NULL;
END
$$;

-- Which tables are project data to back up and capture: every ordinary table in `public` except
-- the backup's own bookkeeping and Flyway's history (recorded as the schema version instead).
CREATE FUNCTION backup_is_captured(tbl regclass) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT c.relkind IN ('r', 'p') AND n.nspname = 'public'
           AND c.relname NOT LIKE 'backup\_%' AND c.relname <> 'flyway_schema_history'
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = tbl
$$;

-- Attaches the capture triggers to one table; true if it had none yet. Safe to repeat.
CREATE FUNCTION backup_capture_attach(tbl regclass) RETURNS boolean
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NOT backup_is_captured(tbl)
       OR EXISTS (SELECT FROM pg_trigger WHERE tgrelid = tbl AND tgname = 'backup_capture_ins') THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TRIGGER backup_capture_ins AFTER INSERT ON %s REFERENCING NEW TABLE AS backup_new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION backup_capture_insert()', tbl);
    EXECUTE format('CREATE TRIGGER backup_capture_del AFTER DELETE ON %s REFERENCING OLD TABLE AS backup_old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION backup_capture_delete()', tbl);
    EXECUTE format('CREATE TRIGGER backup_capture_upd AFTER UPDATE ON %s '
                   'FOR EACH ROW EXECUTE FUNCTION backup_capture_update()', tbl);
    EXECUTE format('CREATE TRIGGER backup_capture_trunc AFTER TRUNCATE ON %s '
                   'FOR EACH STATEMENT EXECUTE FUNCTION backup_capture_truncate()', tbl);
    RETURN true;
END
$$;

-- Every project table, now: run by this migration and again by each backup (a safety net: a table
-- that had to be attached there makes that backup a full one, since its earlier changes were lost).
CREATE FUNCTION backup_capture_attach_all() RETURNS integer
    LANGUAGE sql
    AS $$
    SELECT count(*)::integer FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND backup_capture_attach(c.oid)
$$;

-- Tables created later (other functions' migrations, V60+) are captured from their first row on.
CREATE FUNCTION backup_capture_new_tables() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    cmd record;
BEGIN
    FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands()
               WHERE object_type = 'table' AND schema_name = 'public' LOOP
        PERFORM backup_capture_attach(cmd.objid::regclass);
    END LOOP;
END
$$;

CREATE EVENT TRIGGER backup_capture_new_tables ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO')
    EXECUTE FUNCTION backup_capture_new_tables();

SELECT backup_capture_attach_all();
