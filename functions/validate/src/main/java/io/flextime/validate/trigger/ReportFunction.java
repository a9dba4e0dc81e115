package io.flextime.validate.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.store.TenantDb;
import io.flextime.validate.store.ReportObjects;
import io.flextime.validate.store.ReportStore;
import io.flextime.validate.trigger.Requests.VersionRequest;
import io.quarkus.funqy.Funq;
import java.io.IOException;

/** HTTP: the latest validation report of a version (the JSON stored in S3). */
public class ReportFunction {
    private final TenantDb db;
    private final ReportStore reports;
    private final ReportObjects objects;
    private final ObjectMapper mapper;
    private final CurrentCaller caller;

    public ReportFunction(TenantDb db, ReportStore reports, ReportObjects objects, ObjectMapper mapper, CurrentCaller caller) {
        this.db = db;
        this.reports = reports;
        this.objects = objects;
        this.mapper = mapper;
        this.caller = caller;
    }

    @Funq
    @Guard(Door.VALIDATION_REPORT)
    public JsonNode validationReport(VersionRequest request) throws IOException {
        var stored = db.inTenantBlocking(caller.tenant(), c -> reports.latest(c, request.version()))
                .orElseThrow(() -> new ProblemException(Problem.notFound("no validation report for version " + request.versionId())));
        return mapper.readTree(objects.json(stored.reportKey()));
    }
}
