package io.flextime.solve.job;

import io.flextime.rules.evaluator.Assignment;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The best solution of a job so far, as kept in Redis: enough to resume the search in another
 * process (hint + objective cutoff) when {@code modelHash} still matches the model.
 *
 * @param bestBound      the best lower bound proven so far (over all invocations)
 * @param elapsedSeconds solving time over all invocations when it was written
 * @param solutions      improving solutions found so far (over all invocations)
 */
@RegisterForReflection(targets = { Checkpoint.class, Assignment.class })
public record Checkpoint(UUID jobId, String modelHash, List<Assignment> games, double objective, Double bestBound,
        double elapsedSeconds, int solutions, int invocation, Instant writtenAt) {

    public Checkpoint {
        games = List.copyOf(games);
    }
}
