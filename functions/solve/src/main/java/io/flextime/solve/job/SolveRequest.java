package io.flextime.solve.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.problem.ProblemLocation;
import io.flextime.core.security.TenantScoped;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A request to solve a dataset version (HTTP body of {@code startSolve}). The tenant is the token's;
 * {@code tenant}, when given, must be the same.
 *
 * @param weights objective weights; null: the season's own
 * @param seed    random seed; null: the solver profile's
 * @param workers CP-SAT workers; null or 0: the machine's cores
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SolveRequest(String tenant, String versionId, Integer timeBudgetSeconds, Weights weights, Long seed,
        Integer workers, String correlationId) implements TenantScoped {

    @RegisterForReflection
    public record Weights(double travel, double penalty) {
    }

    /**
     * Checks every field and reports all problems at once (field = JSON property).
     *
     * @param maxBudgetSeconds the longest budget a job may ask for ({@code flextime.solve.max-time-budget})
     */
    public UUID validVersionId(long maxBudgetSeconds) {
        List<ProblemLocation> errors = new ArrayList<>();
        UUID id = null;
        try {
            id = UUID.fromString(String.valueOf(versionId));
        } catch (IllegalArgumentException e) {
            errors.add(field("versionId", "expected a dataset version id (UUID), got '" + versionId + "'"));
        }
        if (timeBudgetSeconds == null || timeBudgetSeconds < 1 || timeBudgetSeconds > maxBudgetSeconds) {
            errors.add(field("timeBudgetSeconds", "expected 1.." + maxBudgetSeconds
                    + " seconds (flextime.solve.max-time-budget), got " + timeBudgetSeconds));
        }
        if (weights != null && (!(weights.travel() >= 0) || !(weights.penalty() >= 0))) {
            errors.add(field("weights", "travel and penalty weights must be non-negative numbers"));
        }
        if (workers != null && (workers < 0 || workers > 256)) {
            errors.add(field("workers", "expected 0 (the machine's cores) to 256, got " + workers));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("invalid-solve-request", "The solve request is invalid", errors));
        }
        return id;
    }

    private static ProblemLocation field(String name, String reason) {
        return new ProblemLocation("invalid-field", "startSolve", null, null, name, reason);
    }
}
