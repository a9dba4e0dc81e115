package io.flextime.validate.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.events.CloudEvent;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.report.ValidationReport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Validation reports, their findings and the one decision per version, in PostgreSQL. */
@ApplicationScoped
public class ReportStore {
    private final ObjectMapper mapper;

    public ReportStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The decision of a version: its report and the event that announced it. */
    public record Decision(UUID reportId, String outcome, CloudEvent event) {
    }

    /** Where a stored report lives. */
    public record StoredReport(UUID reportId, int revision, String outcome, double score, String reportKey, String htmlKey) {
    }

    public Uni<Integer> nextRevision(SqlConnection conn, UUID versionId) {
        return conn.preparedQuery("SELECT coalesce(max(revision), 0) + 1 FROM validation_report WHERE version_id = $1")
                .execute(Tuple.of(versionId)).map(rows -> rows.iterator().next().getInteger(0));
    }

    public Uni<Void> insert(SqlConnection conn, ValidationReport r, String correlationId) {
        Object[] report = { r.reportId(), r.tenant(), r.versionId(), r.revision(), r.outcome(), r.quality().score(),
                r.quality().completeness(), r.quality().validity(), r.quality().consistency(), r.quality().nullFraction(),
                r.counts().errors(), r.counts().warnings(), r.counts().infos(), json(r.reasons()), json(r.probe()), r.reportKey(),
                r.htmlKey(), r.durationMs(), correlationId };
        List<Tuple> findings = new ArrayList<>();
        for (int i = 0; i < r.findings().size(); i++) {
            Finding f = r.findings().get(i);
            findings.add(Tuple.from(new Object[] { r.reportId(), r.tenant(), i + 1, f.code(), f.severity().name(),
                    f.category().name(), f.entity(), f.entityId(), f.row(), f.field(), f.message(),
                    f.constraintIds().toArray(new String[0]), f.count() }));
        }
        return conn.preparedQuery("INSERT INTO validation_report (id, tenant, version_id, revision, outcome, score, completeness, "
                        + "validity, consistency, null_fraction, errors, warnings, infos, gate_reasons, probe, report_key, html_key, "
                        + "duration_ms, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                        + "$14::text::jsonb, $15::text::jsonb, $16, $17, $18, $19)")
                .execute(Tuple.from(report))
                .chain(() -> findings.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery(
                                "INSERT INTO validation_finding (report_id, tenant, seq, code, severity, category, entity, entity_id, "
                                        + "row_number, field, message, constraint_ids, row_count) "
                                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                        .executeBatch(findings).replaceWithVoid());
    }

    public Uni<Optional<Decision>> decision(SqlConnection conn, UUID versionId) {
        return conn.preparedQuery("SELECT report_id, outcome, event::text FROM validation_decision WHERE version_id = $1")
                .execute(Tuple.of(versionId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    return Optional.of(new Decision(r.getUUID(0), r.getString(1), read(r.getString(2))));
                });
    }

    /** Records the decision unless the version has one; true when this call recorded it. */
    public Uni<Boolean> decide(SqlConnection conn, String tenant, UUID versionId, UUID reportId, String outcome, CloudEvent event) {
        return conn.preparedQuery("INSERT INTO validation_decision (version_id, tenant, report_id, outcome, event) "
                        + "VALUES ($1, $2, $3, $4, $5::text::jsonb) ON CONFLICT (version_id) DO NOTHING")
                .execute(Tuple.of(versionId, tenant, reportId, outcome, json(event)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<StoredReport>> latest(SqlConnection conn, UUID versionId) {
        return conn.preparedQuery("SELECT id, revision, outcome, score, report_key, html_key FROM validation_report "
                        + "WHERE version_id = $1 ORDER BY revision DESC LIMIT 1")
                .execute(Tuple.of(versionId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    return Optional.of(new StoredReport(r.getUUID(0), r.getInteger(1), r.getString(2), r.getDouble(3),
                            r.getString(4), r.getString(5)));
                });
    }

    public Uni<Long> count(SqlConnection conn, UUID versionId) {
        return conn.preparedQuery("SELECT count(*) FROM validation_report WHERE version_id = $1").execute(Tuple.of(versionId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CloudEvent read(String json) {
        try {
            return mapper.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt decision event", e);
        }
    }
}
