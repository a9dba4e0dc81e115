package io.flextime.export.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Type-safe Qute templates (src/main/resources/templates/analytics/): checked at build time. */
@CheckedTemplate(basePath = "analytics")
final class ReportTemplates {
    private ReportTemplates() {
    }

    /** A self-contained HTML page: inline CSS and SVG, no script, no external resource. */
    static native TemplateInstance report(ReportView view);
}
