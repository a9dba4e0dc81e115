package io.flextime.solve.trigger;

import io.flextime.solve.job.SolveJob;
import io.flextime.solve.job.SolveJobs;
import io.flextime.solve.job.SolveRequest;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** HTTP (API Gateway) doors of solve: {@code POST /startSolve}, {@code /solveStatus}, {@code /cancelSolve}. */
public class SolveHttp {
    private final SolveJobs jobs;

    public SolveHttp(SolveJobs jobs) {
        this.jobs = jobs;
    }

    /** Starts (or finds) the job of this version and parameters; returns at once with its id and state. */
    @Funq
    public SolveJob startSolve(SolveRequest request) {
        return jobs.start(request);
    }

    /** Phase, objective, best bound, gap, elapsed time and checkpoints of a job. */
    @Funq
    public SolveJob solveStatus(JobRef ref) {
        return jobs.status(ref.tenant(), ref.jobId());
    }

    @Funq
    public SolveJob cancelSolve(JobRef ref) {
        return jobs.cancel(ref.tenant(), ref.jobId());
    }

    /** Names one job of one tenant. */
    @RegisterForReflection
    public record JobRef(String tenant, String jobId) {
    }
}
