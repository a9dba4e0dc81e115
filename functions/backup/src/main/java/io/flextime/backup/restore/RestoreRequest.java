package io.flextime.backup.restore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A restore: {@code targetTime} (ISO-8601; empty = the newest backed-up state) into
 * {@code targetDatabase}, a new database named {@code flextime_restore_<suffix>} (never the live one nor
 * any that exists), and {@code targetSchema} (default {@code public}; another schema is created with the
 * tables of public, for side-by-side inspection).
 */
@RegisterForReflection
public class RestoreRequest {
    public String targetTime;
    public String targetDatabase;
    public String targetSchema;

    public RestoreRequest() {
    }

    public RestoreRequest(String targetTime, String targetDatabase, String targetSchema) {
        this.targetTime = targetTime;
        this.targetDatabase = targetDatabase;
        this.targetSchema = targetSchema;
    }
}
