package io.flextime.backup.schedule;

import io.flextime.backup.verify.VerifyResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The daily verification of a window: {@code duplicate} when the window was already handled. */
@RegisterForReflection
public record DailyVerifyOutcome(String window, boolean duplicate, String backupId, VerifyResult result) {
}
