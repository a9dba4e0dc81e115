package io.flextime.validate.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
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

    public ReportFunction(TenantDb db, ReportStore reports, ReportObjects objects, ObjectMapper mapper) {
        this.db = db;
        this.reports = reports;
        this.objects = objects;
        this.mapper = mapper;
    }

    @Funq
    public JsonNode validationReport(VersionRequest request) throws IOException {
        var stored = db.inTenantBlocking(request.tenant(), c -> reports.latest(c, request.version()))
                .orElseThrow(() -> new ProblemException(Problem.notFound("no validation report for version " + request.versionId())));
        return mapper.readTree(objects.json(stored.reportKey()));
    }
}
