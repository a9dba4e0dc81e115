package io.flextime.backup.restore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A restore: {@code targetTime} (ISO-8601; empty = the newest backed-up state) into
 * {@code targetDatabase} (created and migrated when missing) and {@code targetSchema} (default
 * {@code public}; another schema is created with the tables of public, for side-by-side inspection).
 * {@code replace} allows loading into non-empty tables (they are emptied first, in the same
 * transaction).
 */
@RegisterForReflection
public class RestoreRequest {
    public String targetTime;
    public String targetDatabase;
    public String targetSchema;
    public boolean replace;

    public RestoreRequest() {
    }

    public RestoreRequest(String targetTime, String targetDatabase, String targetSchema, boolean replace) {
        this.targetTime = targetTime;
        this.targetDatabase = targetDatabase;
        this.targetSchema = targetSchema;
        this.replace = replace;
    }
}
