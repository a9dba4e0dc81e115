package io.flextime.core.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import java.util.List;

/**
 * Raw parameters the catalogue could not read into their type's record, with what is wrong. Ingest
 * rejects them; a dataset stored before a check existed still loads as this (its raw parameters kept
 * as they were), validate reports the problems and solve refuses to model it.
 */
public record Malformed(ConstraintType type, ObjectNode raw, List<ParamProblem> problems) implements Rule {
    public Malformed {
        problems = List.copyOf(problems);
    }

    /** One line naming every problem, for error messages. */
    public String describe() {
        return String.join("; ", problems.stream().map(ParamProblem::toString).toList());
    }
}
