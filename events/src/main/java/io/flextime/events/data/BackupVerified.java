package io.flextime.events.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A backup was restored into a scratch database and compared with its manifest
 * ({@code flextime.backup.verified.v1}).
 *
 * @param backupId the backup; the event's subject
 * @param ok true if every checksum matched
 * @param tablesChecked tables compared
 * @param mismatches the tables (with detail) that did not match; empty when ok
 * @param verifiedAt when the verification finished
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupVerified(String backupId, boolean ok, int tablesChecked, List<String> mismatches,
        Instant verifiedAt) {
}
