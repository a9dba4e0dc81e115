package io.flextime.export.report;

import io.flextime.export.analytics.VersionComparison;
import io.flextime.export.analytics.VersionFigures;
import io.flextime.export.render.RenderedFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Renders the analytics reports as export files: {@code report.html}/{@code report.pdf} for a version,
 * {@code comparison.html}/{@code comparison.pdf} for two. Nothing in them depends on when they are
 * rendered (the PDF's creation date is the candidate version's), so a re-render gives the same bytes.
 */
@ApplicationScoped
public class ReportFiles {
    public static final String REPORT = "report";
    public static final String COMPARISON = "comparison";

    public List<RenderedFile> versionReport(VersionFigures figures) {
        return files("", REPORT, VersionReport.view(figures), figures.createdAt());
    }

    /** {@code folder}: relative to the version's export folder, "" or ending with "/". */
    public List<RenderedFile> comparisonReport(String folder, VersionComparison comparison, Instant candidateCreatedAt) {
        return files(folder, COMPARISON, ComparisonReport.view(comparison), candidateCreatedAt);
    }

    private static List<RenderedFile> files(String folder, String name, ReportView view, Instant created) {
        byte[] html = ReportTemplates.report(view).render().getBytes(StandardCharsets.UTF_8);
        return List.of(new RenderedFile(folder + name + ".html", "html", "text/html; charset=utf-8", html),
                new RenderedFile(folder + name + ".pdf", "pdf", "application/pdf", ReportPdf.render(view, created)));
    }
}
