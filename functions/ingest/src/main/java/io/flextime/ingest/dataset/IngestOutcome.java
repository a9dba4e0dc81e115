package io.flextime.ingest.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flextime.core.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an ingest led to. {@code status}: INGESTED (a new version), UNCHANGED (same checksum as an
 * existing version: that version is returned, nothing written), FAILED (quarantined, see problem),
 * IGNORED (not an ingest input, e.g. a CSV part whose manifest triggers the ingest).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestOutcome(String status, String tenant, String versionId, Integer versionNumber, String season,
        String checksum, String format, String rawObjectKey, String quarantineKey, Problem problem) {

    public static final String INGESTED = "INGESTED";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String FAILED = "FAILED";
    public static final String IGNORED = "IGNORED";

    public static IngestOutcome ignored(String tenant, String reason) {
        return new IngestOutcome(IGNORED, tenant, null, null, null, null, null, null, null,
                Problem.of(200, "ignored", "Ignored", reason));
    }
}
