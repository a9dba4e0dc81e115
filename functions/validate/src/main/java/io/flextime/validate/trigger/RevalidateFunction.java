package io.flextime.validate.trigger;

import io.flextime.validate.trigger.Requests.ValidationResult;
import io.flextime.validate.trigger.Requests.VersionRequest;
import io.flextime.validate.version.VersionValidator;
import io.quarkus.funqy.Funq;

/** HTTP: validate a version again (a new report revision); its decision event is never sent twice. */
public class RevalidateFunction {
    private final VersionValidator validator;

    public RevalidateFunction(VersionValidator validator) {
        this.validator = validator;
    }

    @Funq
    public ValidationResult revalidate(VersionRequest request) {
        VersionValidator.Outcome o = validator.revalidate(request.tenant(), request.version(), request.correlationId());
        return result(o);
    }

    static ValidationResult result(VersionValidator.Outcome o) {
        return new ValidationResult(o.report(), o.decision() == null ? null : o.decision().id(),
                o.decision() == null ? null : o.decision().type(), o.decidedNow());
    }
}
