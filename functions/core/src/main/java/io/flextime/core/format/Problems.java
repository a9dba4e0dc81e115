package io.flextime.core.format;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.problem.ProblemLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with an upload, so the user gets every located error of a file at once
 * rather than one per attempt. Bounded: a file with a million bad rows reports the first ones.
 */
public final class Problems {
    public static final int MAX_REPORTED = 200;
    public static final String REJECTED = "dataset-rejected";

    private final List<ProblemLocation> errors = new ArrayList<>();
    private int total;

    public void add(ProblemLocation location) {
        total++;
        if (errors.size() < MAX_REPORTED) {
            errors.add(location);
        }
    }

    public void add(String code, String file, String sheet, Long row, String column, String reason) {
        add(new ProblemLocation(code, file, sheet, row, column, reason));
    }

    public int count() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public List<ProblemLocation> errors() {
        return List.copyOf(errors);
    }

    /** Throws the collected problems as one 422 problem report, if there are any. */
    public void throwIfAny(String what) {
        if (total > 0) {
            String more = total > errors.size() ? " (first " + errors.size() + " shown)" : "";
            throw new ProblemException(Problem.unprocessable(REJECTED,
                    what + ": " + total + " error(s)" + more + ", first: " + errors.get(0), errors));
        }
    }

    /** One problem, thrown at once (the input cannot be read further). */
    public static ProblemException fatal(String code, String file, String reason) {
        return new ProblemException(Problem.unprocessable(REJECTED, (file == null ? "" : file + ": ") + reason,
                List.of(ProblemLocation.of(code, file, reason))));
    }

    public static ProblemException fatal(ProblemLocation location) {
        return new ProblemException(Problem.unprocessable(REJECTED, location.toString(), List.of(location)));
    }
}
