package io.flextime.export.trigger;

import io.flextime.core.store.Tenants;
import io.flextime.export.publish.ScheduleReports;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/** HTTP: schedule analytics — a version's report, and the comparison of two versions of a season. */
@ApplicationScoped
public class AnalyticsApi {
    private final ScheduleReports reports;

    public AnalyticsApi(ScheduleReports reports) {
        this.reports = reports;
    }

    @RegisterForReflection
    public record ReportRequest(String tenant, String scheduleVersionId) {
    }

    /** {@code base}: the version compared against; {@code candidate}: the one whose changes are reported. */
    @RegisterForReflection
    public record CompareRequest(String tenant, String base, String candidate) {
    }

    @Funq
    public ScheduleReports.VersionReport scheduleReport(ReportRequest r) {
        return reports.report(Tenants.require(r.tenant()), r.scheduleVersionId());
    }

    @Funq
    public ScheduleReports.ComparisonReport compareSchedules(CompareRequest r) {
        return reports.compare(Tenants.require(r.tenant()), r.base(), r.candidate());
    }
}
