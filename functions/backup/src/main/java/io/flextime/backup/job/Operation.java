package io.flextime.backup.job;

/** The long operations that run as jobs. */
public enum Operation {
    BACKUP("backupNow"),
    VERIFY("verifyBackup"),
    RESTORE("restore");

    private final String door;

    Operation(String door) {
        this.door = door;
    }

    /** The door that asks for it: the action of its audit records. */
    public String door() {
        return door;
    }

    /**
     * Whether a run whose process died may simply run again: a backup (its job's window gives it the same
     * backup id, so a rerun finishes that backup) and a verification (a scratch database of its own) may; a
     * restore may not, its half-made target database must be dropped by an operator first.
     */
    public boolean rerunnable() {
        return this != RESTORE;
    }
}
