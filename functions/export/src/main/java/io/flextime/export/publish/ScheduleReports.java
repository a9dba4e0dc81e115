package io.flextime.export.publish;

import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.TenantDb;
import io.flextime.export.analytics.ScheduleFigures;
import io.flextime.export.analytics.VersionComparer;
import io.flextime.export.analytics.VersionComparison;
import io.flextime.export.analytics.VersionFigures;
import io.flextime.export.analytics.VersionReader;
import io.flextime.export.render.RenderedFile;
import io.flextime.export.report.ReportFiles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Schedule analytics as files: the report of a version and the comparison of two, rendered for the
 * export set (schedule.solved) or on request, written next to the version's exports with pre-signed
 * URLs. Keys are deterministic and the bytes do not depend on when they are rendered, so a repeated
 * request overwrites a file with the same content.
 */
@ApplicationScoped
public class ScheduleReports {
    private final TenantDb db;
    private final VersionReader versions;
    private final ReportFiles reportFiles;
    private final ExportFiles files;
    private final ExportCatalog catalog;

    public ScheduleReports(TenantDb db, VersionReader versions, ReportFiles reportFiles, ExportFiles files, ExportCatalog catalog) {
        this.db = db;
        this.versions = versions;
        this.reportFiles = reportFiles;
        this.files = files;
        this.catalog = catalog;
    }

    @RegisterForReflection
    public record VersionReport(String scheduleVersionId, VersionFigures figures, List<ExportCatalog.Download> files) {
    }

    @RegisterForReflection
    public record ComparisonReport(VersionComparison comparison, List<ExportCatalog.Download> files) {
    }

    /** The export set's reports: the version's, and its comparison with the version solved before it, if any. */
    public List<RenderedFile> exportFiles(VersionReader.Version version, Optional<VersionReader.Version> previous) {
        VersionFigures figures = ScheduleFigures.of(version.season(), version.schedule());
        List<RenderedFile> out = new ArrayList<>(reportFiles.versionReport(figures));
        previous.ifPresent(base -> out.addAll(reportFiles.comparisonReport("", compare(base, version, figures),
                version.schedule().createdAt())));
        return out;
    }

    /** Renders and writes {@code report.html}/{@code report.pdf} into the version's export folder. */
    public VersionReport report(String tenant, String scheduleVersionId) {
        VersionReader.Version version = find(tenant, ExportCatalog.uuid(scheduleVersionId));
        VersionFigures figures = ScheduleFigures.of(version.season(), version.schedule());
        return new VersionReport(scheduleVersionId, figures, write(tenant, version, reportFiles.versionReport(figures)));
    }

    /** Compares two versions of one season; the report goes to {@code comparisons/<base>/} under the candidate. */
    public ComparisonReport compare(String tenant, String baseId, String candidateId) {
        UUID baseUuid = ExportCatalog.uuid(baseId);
        UUID candidateUuid = ExportCatalog.uuid(candidateId);
        VersionReader.Version base = find(tenant, baseUuid);
        VersionReader.Version candidate = find(tenant, candidateUuid);
        if (!base.schedule().season().equals(candidate.schedule().season())) {
            throw new ProblemException(Problem.of(422, "different-seasons", "Versions of different seasons",
                    "Schedule version " + baseUuid + " is of season " + base.schedule().season() + ", version " + candidateUuid
                            + " of season " + candidate.schedule().season() + ": only versions of one season can be compared"));
        }
        VersionComparison comparison = compare(base, candidate,
                ScheduleFigures.of(candidate.season(), candidate.schedule()));
        List<RenderedFile> rendered = reportFiles.comparisonReport("comparisons/" + baseUuid + "/", comparison,
                candidate.schedule().createdAt());
        return new ComparisonReport(comparison, write(tenant, candidate, rendered));
    }

    private static VersionComparison compare(VersionReader.Version base, VersionReader.Version candidate,
            VersionFigures candidateFigures) {
        return VersionComparer.compare(ScheduleFigures.of(base.season(), base.schedule()), base.schedule(), candidateFigures,
                candidate.schedule());
    }

    private VersionReader.Version find(String tenant, UUID id) {
        return db.inTenantBlocking(tenant, conn -> versions.find(conn, id)).orElseThrow(() -> new ProblemException(
                Problem.of(404, "unknown-schedule-version", "Unknown schedule version",
                        "No schedule version " + id + " for tenant " + tenant)));
    }

    private List<ExportCatalog.Download> write(String tenant, VersionReader.Version version, List<RenderedFile> rendered) {
        String folder = ExportFiles.folder(tenant, version.schedule().season(), version.schedule().id());
        return catalog.downloads(files.upload(folder, rendered));
    }
}
