package io.flextime.ingest.trigger;

import io.flextime.core.pipeline.PipelineRuns;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.Tenants;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * HTTP: pipeline status. Ingest starts every run, so its API serves the runs: by tenant (newest
 * first) or one run by correlation id, with its stages, durations, outcomes and errors.
 */
@ApplicationScoped
public class PipelineStatusApi {
    private final PipelineRuns runs;

    public PipelineStatusApi(PipelineRuns runs) {
        this.runs = runs;
    }

    @RegisterForReflection
    public record RunsQuery(String tenant, Integer limit) {
    }

    @RegisterForReflection
    public record RunQuery(String tenant, String correlationId) {
    }

    @Funq
    public Uni<List<PipelineRuns.Run>> pipelineRuns(RunsQuery q) {
        return runs.recent(Tenants.require(q.tenant()), q.limit() == null ? 20 : q.limit());
    }

    @Funq
    public Uni<PipelineRuns.Run> pipelineRun(RunQuery q) {
        return runs.run(Tenants.require(q.tenant()), q.correlationId())
                .map(r -> r.orElseThrow(() -> new ProblemException(Problem.notFound("No run " + q.correlationId()
                        + " for tenant " + q.tenant()))));
    }
}
