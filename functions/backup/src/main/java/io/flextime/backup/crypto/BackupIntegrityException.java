package io.flextime.backup.crypto;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;

/**
 * A backup cannot be trusted or read: a modified chunk, a wrong key, a tampered manifest, a missing
 * object. The code names the failure; the detail names the backup, the object and the place.
 */
public class BackupIntegrityException extends ProblemException {
    public static final String TAMPERED_CHUNK = "backup-chunk-tampered";
    public static final String TRUNCATED = "backup-object-truncated";
    public static final String WRONG_KEY = "backup-wrong-key";
    public static final String UNKNOWN_KEY = "backup-unknown-key";
    public static final String TAMPERED_MANIFEST = "backup-manifest-tampered";
    public static final String MISSING_OBJECT = "backup-object-missing";
    public static final String CHECKSUM_MISMATCH = "backup-checksum-mismatch";
    public static final String NOT_A_BACKUP = "backup-object-unreadable";

    public BackupIntegrityException(String code, String detail) {
        super(Problem.of(422, code, "Backup integrity check failed", detail));
    }

    public String code() {
        return problem().code();
    }
}
