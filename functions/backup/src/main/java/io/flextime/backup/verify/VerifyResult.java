package io.flextime.backup.verify;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** The outcome of restoring one backup into a scratch database and comparing it with its manifest. */
@RegisterForReflection
public record VerifyResult(String backupId, boolean ok, int tablesChecked, List<String> mismatches, List<String> chain,
        String scratchDatabase, Instant verifiedAt, double seconds) {
}
