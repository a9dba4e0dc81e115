package io.flextime.validate.trigger;

import io.flextime.validate.trigger.Requests.ValidationResult;
import io.flextime.validate.trigger.Requests.VersionRequest;
import io.flextime.validate.version.VersionValidator;
import io.flextime.core.security.Caller;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.quarkus.funqy.Funq;

/** HTTP: validate a version again (a new report revision); its decision event is never sent twice. */
public class RevalidateFunction {
    private final VersionValidator validator;
    private final CurrentCaller caller;

    public RevalidateFunction(VersionValidator validator, CurrentCaller caller) {
        this.validator = validator;
        this.caller = caller;
    }

    @Funq
    @Guard(Door.REVALIDATE)
    public ValidationResult revalidate(VersionRequest request) {
        Caller c = caller.get();
        VersionValidator.Outcome o = validator.revalidate(c.tenant(), request.version(),
                QuarantineFunctions.correlation(request, c), c.actor());
        return result(o);
    }

    static ValidationResult result(VersionValidator.Outcome o) {
        return new ValidationResult(o.report(), o.decision() == null ? null : o.decision().id(),
                o.decision() == null ? null : o.decision().type(), o.decidedNow());
    }
}
