package io.flextime.validate.version;

import io.flextime.core.messaging.EventPublisher;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.DatasetRejected;
import io.flextime.events.data.DatasetValidated;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.quality.QualityScore;
import io.flextime.validate.report.ValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The one event announcing a version's outcome: dataset.validated (score, warnings) or dataset.rejected (errors). */
@ApplicationScoped
public class DecisionEvents {
    /** Keeps the event small; the report holds every finding. */
    static final int MAX_ERRORS_IN_EVENT = 100;

    private final EventPublisher publisher;

    public DecisionEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public CloudEvent of(ValidationReport r, int versionNumber, boolean autoSolve, String correlationId) {
        String subject = r.versionId().toString();
        if (r.passed()) {
            return publisher.create(EventType.DATASET_VALIDATED, subject, r.tenant(), correlationId, (long) versionNumber,
                    new DatasetValidated(subject, r.reportId().toString(), r.quality().score(), r.counts().warnings(),
                            r.reportKey(), autoSolve));
        }
        List<DatasetRejected.Issue> errors = r.findings().stream()
                .filter(f -> QualityScore.blocks(f) || f.code().startsWith("GATE_"))
                .limit(MAX_ERRORS_IN_EVENT).map(DecisionEvents::issue).toList();
        return publisher.create(EventType.DATASET_REJECTED, subject, r.tenant(), correlationId, (long) versionNumber,
                new DatasetRejected(subject, r.reportId().toString(), r.quality().score(), errors, r.reportKey()));
    }

    private static DatasetRejected.Issue issue(Finding f) {
        return new DatasetRejected.Issue(f.code(), f.severity().name(), f.entity(), blankToNull(f.entityId()),
                f.row() == null || f.row() < 1 ? null : f.row(), blankToNull(f.field()), f.message(),
                f.constraintIds().isEmpty() ? null : f.constraintIds());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
