package io.flextime.solve.trigger;

import io.flextime.solve.edit.DraftEditor;
import io.flextime.solve.edit.EditRequest;
import io.flextime.solve.replan.ReplanRequest;
import io.flextime.core.security.Caller;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.TenantScoped;
import io.flextime.solve.job.SolveJob;
import io.flextime.solve.job.SolveJobs;
import io.flextime.solve.job.SolveRequest;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** HTTP (API Gateway) doors of solve: {@code POST /startSolve}, {@code /solveStatus}, {@code /cancelSolve}, {@code /continueSolve}. */
public class SolveHttp {
    private final SolveJobs jobs;
    private final CurrentCaller caller;
    private final DraftEditor editor;

    public SolveHttp(SolveJobs jobs, CurrentCaller caller, DraftEditor editor) {
        this.jobs = jobs;
        this.caller = caller;
        this.editor = editor;
    }

    /** Starts (or finds) the job of this version and parameters; returns at once with its id and state. */
    @Funq
    @Guard(Door.START_SOLVE)
    public SolveJob startSolve(SolveRequest request) {
        Caller c = caller.get();
        return jobs.start(c.tenant(), request, c.actor());
    }

    /** Phase, objective, best bound, gap, elapsed time and checkpoints of a job. */
    @Funq
    @Guard(Door.SOLVE_STATUS)
    public SolveJob solveStatus(JobRef ref) {
        return jobs.status(caller.tenant(), ref.jobId());
    }

    @Funq
    @Guard(Door.CANCEL_SOLVE)
    public SolveJob cancelSolve(JobRef ref) {
        Caller c = caller.get();
        return jobs.cancel(c.tenant(), ref.jobId(), c.actor());
    }

    /**
     * Gives a job that ended {@code UNFINISHED} (no schedule within its budget) a larger total budget and
     * starts it again; a repeat of the same request is answered with the job as it is.
     */
    @Funq
    @Guard(Door.CONTINUE_SOLVE)
    public SolveJob continueSolve(ContinueRequest request) {
        Caller c = caller.get();
        return jobs.continueJob(c.tenant(), request.jobId(), request.timeBudgetSeconds(), c.actor());
    }

    /**
     * Re-plans a base version (README "Re-plan"): a solve job like any other (status, cancel, continuation),
     * whose result is a draft with the moved games listed.
     */
    @Funq
    @Guard(Door.REPLAN)
    public SolveJob replan(ReplanRequest request) {
        Caller c = caller.get();
        return jobs.replan(c.tenant(), request, c.actor());
    }

    /**
     * Edits a version by hand (move, swap, pin, unpin, mark unavailable): checked at once by the evaluator,
     * saved as a new draft whose parent is the edited version (README "Edits").
     */
    @Funq
    @Guard(Door.EDIT_DRAFT)
    public DraftEditor.EditResult editDraft(EditRequest request) {
        return editor.edit(caller.get(), request);
    }

    /** Names one job of the caller's tenant ({@code tenant}, when given, must be the token's). */
    @RegisterForReflection
    public record JobRef(String tenant, String jobId) implements TenantScoped {
    }

    /** A job of the caller's tenant and its new total budget (seconds, counting what it has spent). */
    @RegisterForReflection
    public record ContinueRequest(String tenant, String jobId, Integer timeBudgetSeconds) implements TenantScoped {
    }
}
