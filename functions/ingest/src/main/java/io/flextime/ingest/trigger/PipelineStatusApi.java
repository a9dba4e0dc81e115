package io.flextime.ingest.trigger;

import io.flextime.core.pipeline.PipelineRuns;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.TenantScoped;
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
    private final CurrentCaller caller;

    public PipelineStatusApi(PipelineRuns runs, CurrentCaller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @RegisterForReflection
    public record RunsQuery(String tenant, Integer limit) implements TenantScoped {
    }

    @RegisterForReflection
    public record RunQuery(String tenant, String correlationId) implements TenantScoped {
    }

    @Funq
    @Guard(Door.PIPELINE_RUNS)
    public Uni<List<PipelineRuns.Run>> pipelineRuns(RunsQuery q) {
        return runs.recent(caller.tenant(), q == null || q.limit() == null ? 20 : q.limit());
    }

    @Funq
    @Guard(Door.PIPELINE_RUN)
    public Uni<PipelineRuns.Run> pipelineRun(RunQuery q) {
        String tenant = caller.tenant();
        String id = q == null ? null : q.correlationId();
        return runs.run(tenant, id).map(r -> r.orElseThrow(() -> new ProblemException(Problem.notFound("No run " + id
                + " for tenant " + tenant))));
    }
}
