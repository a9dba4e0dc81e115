-- Long backup operations as jobs (issue 22; functions/backup README "Jobs"). Migration range V80–V89.
-- backupNow, verifyBackup and restore answer 202 with a job id at once; the work runs in the background
-- (in-process locally, the runBackupJobs sweep on Lambda) and its state, result or error is kept here,
-- so it survives a restart. A job whose process died is found by its expired lease and run again (or
-- failed, once it has used its attempts).
--
-- Like backup_run (V50) this is not tenant data: no tenant column, no flextime_protect(), nothing
-- granted to flextime_app. Row-level security is on with no policy, so any role without BYPASSRLS (the
-- app role, were it ever granted the table) sees no row; the backup role (BYPASSRLS) and the owner work.
-- Its name starts with backup_, so backups neither copy nor capture it (backup_is_captured, V50).
CREATE TABLE backup_job (
    job_id          uuid        PRIMARY KEY,
    operation       text        NOT NULL CHECK (operation IN ('BACKUP', 'VERIFY', 'RESTORE')),
    request         jsonb       NOT NULL,              -- what the operator asked (the door's body, checked)
    state           text        NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by    text        NOT NULL,              -- the token's subject
    roles           text[]      NOT NULL DEFAULT '{}',
    correlation_id  text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    max_attempts    integer     NOT NULL CHECK (max_attempts >= 1),
    lease_owner     text,                              -- the process running it (state RUNNING)
    lease_until     timestamptz,                       -- renewed by its heartbeat; past = the process is gone
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    heartbeat_at    timestamptz,
    ended_at        timestamptz,
    result          jsonb,                             -- SUCCEEDED: the operation's answer
    error           text                               -- FAILED: why
);
CREATE INDEX backup_job_due_idx ON backup_job (created_at) WHERE state IN ('QUEUED', 'RUNNING');
ALTER TABLE backup_job ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON backup_job TO flextime_backup;
