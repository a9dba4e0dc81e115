package io.flextime.core.rules;

/**
 * What is wrong with one parameter of a constraint, as the catalogue finds it. Ingest turns it into a
 * problem report (MISSING_VALUE or WRONG_TYPE), validate into a finding (SCHEMA_PARAM_MISSING,
 * SCHEMA_PARAM_TYPE or RANGE_CONSTRAINT_PARAM).
 *
 * @param key the parameter's canonical name ("min|max" when one of several is missing)
 */
public record ParamProblem(String key, Kind kind, String message) {

    public enum Kind {
        /** A required parameter (or every one of a group of which one is required) is absent. */
        MISSING,
        /** The value cannot be read as the parameter's type (not a number, not an ISO date, …). */
        WRONG_TYPE,
        /** The value is readable but not allowed (negative bound, min above max, unknown mode). */
        OUT_OF_RANGE
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
