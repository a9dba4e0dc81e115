package io.flextime.validate.trigger;

import io.flextime.validate.quarantine.QuarantineService;
import io.flextime.validate.quarantine.QuarantinedRecord;
import io.flextime.validate.trigger.Requests.CorrectionRequest;
import io.flextime.validate.trigger.Requests.QuarantineQuery;
import io.flextime.validate.trigger.Requests.ReplayResult;
import io.flextime.validate.trigger.Requests.VersionRequest;
import io.flextime.core.security.Caller;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.quarkus.funqy.Funq;
import java.util.List;

/** HTTP: list quarantined records, correct (or drop) one, replay a version's corrections. */
public class QuarantineFunctions {
    private final QuarantineService quarantine;
    private final CurrentCaller caller;

    public QuarantineFunctions(QuarantineService quarantine, CurrentCaller caller) {
        this.quarantine = quarantine;
        this.caller = caller;
    }

    @Funq
    @Guard(Door.QUARANTINED)
    public List<QuarantinedRecord> quarantined(QuarantineQuery query) {
        return quarantine.list(caller.tenant(), query.version(), query.status(), query.limit() == null ? 1000 : query.limit());
    }

    @Funq
    @Guard(Door.CORRECT_QUARANTINED)
    public QuarantinedRecord correctQuarantined(CorrectionRequest request) {
        Caller c = caller.get();
        return quarantine.correct(c.tenant(), request.quarantineId(), request.record(), request.drop(), c.actor());
    }

    @Funq
    @Guard(Door.REPLAY_QUARANTINE)
    public ReplayResult replayQuarantine(VersionRequest request) {
        Caller c = caller.get();
        QuarantineService.Replay r = quarantine.replay(c.tenant(), request.version(), correlation(request, c), c.actor());
        return new ReplayResult(r.versionId().toString(), r.reused(), RevalidateFunction.result(r.validation()));
    }

    /** The body's correlation id (the pipeline run this belongs to), else the request's. */
    static String correlation(VersionRequest request, Caller c) {
        return request.correlationId() != null ? request.correlationId() : c.actor().correlationId();
    }
}
