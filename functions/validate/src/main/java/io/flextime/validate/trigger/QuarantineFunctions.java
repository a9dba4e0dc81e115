package io.flextime.validate.trigger;

import io.flextime.validate.quarantine.QuarantineService;
import io.flextime.validate.quarantine.QuarantinedRecord;
import io.flextime.validate.trigger.Requests.CorrectionRequest;
import io.flextime.validate.trigger.Requests.QuarantineQuery;
import io.flextime.validate.trigger.Requests.ReplayResult;
import io.flextime.validate.trigger.Requests.VersionRequest;
import io.quarkus.funqy.Funq;
import java.util.List;

/** HTTP: list quarantined records, correct (or drop) one, replay a version's corrections. */
public class QuarantineFunctions {
    private final QuarantineService quarantine;

    public QuarantineFunctions(QuarantineService quarantine) {
        this.quarantine = quarantine;
    }

    @Funq
    public List<QuarantinedRecord> quarantined(QuarantineQuery query) {
        return quarantine.list(query.tenant(), query.version(), query.status(), query.limit() == null ? 1000 : query.limit());
    }

    @Funq
    public QuarantinedRecord correctQuarantined(CorrectionRequest request) {
        return quarantine.correct(request.tenant(), request.quarantineId(), request.record(), request.drop());
    }

    @Funq
    public ReplayResult replayQuarantine(VersionRequest request) {
        QuarantineService.Replay r = quarantine.replay(request.tenant(), request.version(), request.correlationId());
        return new ReplayResult(r.versionId().toString(), r.reused(), RevalidateFunction.result(r.validation()));
    }
}
