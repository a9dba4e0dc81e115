package io.flextime.core.rules;

/** A parameter value the catalogue cannot accept; collected into a {@link ParamProblem}, never thrown out of it. */
final class InvalidParam extends RuntimeException {
    final ParamProblem.Kind kind;

    InvalidParam(ParamProblem.Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static InvalidParam wrongType(String message) {
        return new InvalidParam(ParamProblem.Kind.WRONG_TYPE, message);
    }

    static InvalidParam outOfRange(String message) {
        return new InvalidParam(ParamProblem.Kind.OUT_OF_RANGE, message);
    }
}
