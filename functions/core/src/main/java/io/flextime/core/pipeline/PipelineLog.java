package io.flextime.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.store.TenantDb;
import io.flextime.core.store.Tenants;
import io.flextime.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Records every published event in {@code pipeline_event}, the log the pipeline status is read from.
 * Recording is best effort: a failure is logged and never fails the publish (the event is already on
 * Kafka, which stays the source of truth).
 */
@ApplicationScoped
public class PipelineLog {
    private static final Logger LOG = Logger.getLogger(PipelineLog.class);
    private static final int MAX_SUMMARY_FIELD = 500;

    private final TenantDb db;

    public PipelineLog(TenantDb db) {
        this.db = db;
    }

    /** Records the event; true when it was new (false for a re-emitted event or when recording failed). */
    public Uni<Boolean> record(CloudEvent e) {
        if (!Tenants.isValid(e.tenant()) || e.correlationid() == null) {
            return Uni.createFrom().item(false);
        }
        return db.inTenant(e.tenant(), conn -> conn.preparedQuery("INSERT INTO pipeline_event (event_id, tenant, correlation_id, "
                        + "type, source, subject, event_time, summary) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                        .execute(Tuple.from(new Object[] { e.id(), e.tenant(), e.correlationid(), e.type(), e.source(), e.subject(),
                                e.time().atOffset(ZoneOffset.UTC), summary(e.data()).toString() })))
                .map(rows -> rows.rowCount() == 1)
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("could not record %s %s in the pipeline log: %s", e.type(), e.id(), t.getMessage());
                    return false;
                });
    }

    /** The scalar fields of the event data (ids, counts, scores, statuses), without large arrays. */
    static ObjectNode summary(JsonNode data) {
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (data != null && data.isObject()) {
            data.fields().forEachRemaining(f -> {
                JsonNode v = f.getValue();
                if (v.isValueNode() && v.asText().length() <= MAX_SUMMARY_FIELD) {
                    out.set(f.getKey(), v);
                } else if (v.isArray()) {
                    out.put(f.getKey() + "Count", v.size());
                }
            });
        }
        return out;
    }
}
