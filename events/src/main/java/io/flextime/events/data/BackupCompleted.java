package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A backup was written and its manifest stored ({@code flextime.backup.completed.v1}).
 *
 * @param backupId the backup; the event's subject
 * @param kind {@code FULL} or {@code INCREMENTAL}
 * @param parentBackupId the backup an incremental one builds on; null for a full one
 * @param manifestKey S3 key of the manifest
 * @param tables tables written
 * @param rows rows written
 * @param bytes bytes written (compressed, encrypted)
 * @param startedAt start
 * @param endedAt end
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupCompleted(String backupId, String kind, String parentBackupId, String manifestKey, int tables,
        long rows, long bytes, Instant startedAt, Instant endedAt) {

    public static final String FULL = "FULL";
    public static final String INCREMENTAL = "INCREMENTAL";
}
