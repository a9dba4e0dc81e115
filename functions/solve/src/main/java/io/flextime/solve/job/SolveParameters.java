package io.flextime.solve.job;

import io.flextime.core.model.ObjectiveWeights;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import io.flextime.solve.replan.Replan;
import java.util.UUID;

/**
 * What, besides the dataset version, decides a solve's result: one job per (version, parameters).
 * Weights are resolved (the season's when the request has none) before the key is taken, so asking
 * with the season's own weights spelled out finds the same job.
 *
 * @param workers 0 = the machine's cores
 * @param replan  null for a solve of the dataset version; a re-plan of a base schedule version otherwise
 */
@RegisterForReflection
public record SolveParameters(int timeBudgetSeconds, ObjectiveWeights weights, Long seed, int workers, Replan replan) {

    public SolveParameters(int timeBudgetSeconds, ObjectiveWeights weights, Long seed, int workers) {
        this(timeBudgetSeconds, weights, seed, workers, null);
    }

    /** The same job with another total budget (continueSolve). */
    public SolveParameters withBudget(int seconds) {
        return new SolveParameters(seconds, weights, seed, workers, replan);
    }

    /** SHA-256 of the canonical form (hex). */
    public String key() {
        String canonical = String.format(Locale.ROOT, "budget=%d;travel=%s;penalty=%s;seed=%s;workers=%d",
                timeBudgetSeconds, Double.toString(weights.travel()), Double.toString(weights.penalty()),
                seed == null ? "-" : seed.toString(), workers) + (replan == null ? "" : ";replan=" + replan.canonical());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The job id of these parameters for a version: the same request always names the same job. */
    public UUID jobId(String tenant, UUID versionId) {
        return UUID.nameUUIDFromBytes((tenant + '/' + versionId + '/' + key()).getBytes(StandardCharsets.UTF_8));
    }
}
