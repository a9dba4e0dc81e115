package io.flextime.core.store;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.events.Ids;

/** Tenant (conference) ids, as the event contract defines them ({@link Ids#TENANT}). */
public final class Tenants {

    private Tenants() {
    }

    public static boolean isValid(String tenant) {
        return Ids.TENANT.matches(tenant);
    }

    public static String require(String tenant) {
        if (!isValid(tenant)) {
            throw new ProblemException(Problem.badRequest("invalid-tenant",
                    "Invalid tenant id: " + Ids.TENANT.explain(tenant)));
        }
        return tenant;
    }
}
