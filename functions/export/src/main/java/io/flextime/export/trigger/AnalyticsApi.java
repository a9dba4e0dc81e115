package io.flextime.export.trigger;

import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.TenantScoped;
import io.flextime.export.publish.ScheduleReports;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/** HTTP: schedule analytics — a version's report, and the comparison of two versions of a season. */
@ApplicationScoped
public class AnalyticsApi {
    private final ScheduleReports reports;
    private final CurrentCaller caller;

    public AnalyticsApi(ScheduleReports reports, CurrentCaller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @RegisterForReflection
    public record ReportRequest(String tenant, String scheduleVersionId) implements TenantScoped {
    }

    /** {@code base}: the version compared against; {@code candidate}: the one whose changes are reported. */
    @RegisterForReflection
    public record CompareRequest(String tenant, String base, String candidate) implements TenantScoped {
    }

    @Funq
    @Guard(Door.SCHEDULE_REPORT)
    public ScheduleReports.VersionReport scheduleReport(ReportRequest r) {
        return reports.report(caller.tenant(), r.scheduleVersionId());
    }

    @Funq
    @Guard(Door.COMPARE_SCHEDULES)
    public ScheduleReports.ComparisonReport compareSchedules(CompareRequest r) {
        return reports.compare(caller.tenant(), r.base(), r.candidate());
    }
}
