package io.flextime.validate.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.TenantScoped;
import io.flextime.validate.report.ValidationReport;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** Inputs and outputs of the HTTP functions. */
final class Requests {
    private Requests() {
    }

    /**
     * A dataset version of a tenant (the token's; {@code tenant}, when given, must be the same). A bean,
     * not a record: Funqy maps GET query parameters through setters.
     */
    @RegisterForReflection
    public static class VersionRequest implements TenantScoped {
        private String tenant;
        private String versionId;
        private String correlationId;

        public String getTenant() {
            return tenant;
        }

        public void setTenant(String tenant) {
            this.tenant = tenant;
        }

        public String getVersionId() {
            return versionId;
        }

        public void setVersionId(String versionId) {
            this.versionId = versionId;
        }

        public String getCorrelationId() {
            return correlationId;
        }

        public void setCorrelationId(String correlationId) {
            this.correlationId = correlationId;
        }

        @Override
        public String tenant() {
            return tenant;
        }

        String versionId() {
            return versionId;
        }

        String correlationId() {
            return correlationId;
        }

        UUID version() {
            return uuid(versionId, "versionId");
        }
    }

    /** A correction of one quarantined record: the whole corrected record, or {@code drop: true}. */
    @RegisterForReflection
    public record CorrectionRequest(String tenant, String id, JsonNode record, boolean drop) implements TenantScoped {
        UUID quarantineId() {
            return uuid(id, "id");
        }
    }

    /** Quarantined records of a version, optionally of one status (QUARANTINED, CORRECTED, DROPPED, REPLAYED). */
    @RegisterForReflection
    public static class QuarantineQuery extends VersionRequest {
        private String status;
        private Integer limit;

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public Integer getLimit() {
            return limit;
        }

        public void setLimit(Integer limit) {
            this.limit = limit;
        }

        String status() {
            return status;
        }

        Integer limit() {
            return limit;
        }
    }

    /** A validation run and the version's decision event (the one that was emitted for it, now or before). */
    @RegisterForReflection
    public record ValidationResult(ValidationReport report, String decisionEventId, String decisionType, boolean decidedNow) {
    }

    /** A replay: the corrected version (new, or the one the same corrections made before) and its validation. */
    @RegisterForReflection
    public record ReplayResult(String versionId, boolean reused, ValidationResult validation) {
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new ProblemException(Problem.badRequest("invalid-" + field, "'" + value + "' is not a valid " + field
                    + " (a UUID)"));
        }
    }
}
