package io.flextime.core.store;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import java.util.regex.Pattern;

/** Tenant (conference) ids: lower-case letters, digits and dashes, as they appear in S3 keys. */
public final class Tenants {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Tenants() {
    }

    public static boolean isValid(String tenant) {
        return tenant != null && VALID.matcher(tenant).matches();
    }

    public static String require(String tenant) {
        if (!isValid(tenant)) {
            throw new ProblemException(Problem.badRequest("invalid-tenant",
                    "Invalid tenant id '" + tenant + "': expected lower-case letters, digits and dashes (1-63 chars)"));
        }
        return tenant;
    }
}
