package io.flextime.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A problem report (RFC 9457 "Problem Details for HTTP APIs"), extended with {@code errors}: each one
 * locates what is wrong (file, sheet, row, column/field) so a user can fix the input.
 *
 * @param type   a URI reference identifying the problem type ({@code https://flextime.io/problems/<code>})
 * @param code   the stable short code of the type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String code, String title, int status, String detail, String instance,
        List<ProblemLocation> errors) {

    public static final String TYPE_BASE = "https://flextime.io/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code, code, title, status, detail, null, List.of());
    }

    public static Problem badRequest(String code, String detail) {
        return of(400, code, "Bad request", detail);
    }

    public static Problem unprocessable(String code, String detail, List<ProblemLocation> errors) {
        return new Problem(TYPE_BASE + code, code, "Input rejected", 422, detail, null, errors);
    }

    public static Problem notFound(String what) {
        return of(404, "not-found", "Not found", what);
    }

    public Problem withInstance(String instance) {
        return new Problem(type, code, title, status, detail, instance, errors);
    }
}
