package io.flextime.core.security;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The caller {@link DoorGuard} verified for the invocation in progress. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** The caller; a door without a {@link Guard} has none, which is a bug, never a reason to let it through. */
    public Caller get() {
        if (caller == null) {
            throw new ProblemException(Problem.of(500, "unguarded-door", "Internal error", "This door has no guard"));
        }
        return caller;
    }

    /** The tenant the door acts for: the token's. */
    public String tenant() {
        String tenant = get().tenant();
        if (tenant == null) {
            throw new ProblemException(Problem.of(500, "no-tenant", "Internal error", "This invocation has no tenant"));
        }
        return tenant;
    }
}
