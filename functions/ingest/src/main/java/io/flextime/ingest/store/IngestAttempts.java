package io.flextime.ingest.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.problem.Problem;
import io.flextime.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The ingest_attempt table (V10): decisions made and the event each one emits (an outbox row). */
@ApplicationScoped
public class IngestAttempts {
    private final ObjectMapper mapper;

    public IngestAttempts(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public record Attempt(UUID id, String tenant, String sourceBucket, String sourceKey, String checksum, String format,
            String status, UUID versionId, String quarantineKey, Problem problem, CloudEvent event, boolean published) {
    }

    private static final String COLUMNS = "id, tenant, source_bucket, source_key, checksum, format, status, version_id, "
            + "quarantine_key, problem::text, event::text, published_at IS NOT NULL";

    public Uni<Void> insert(SqlConnection conn, Attempt a, String correlationId) {
        return conn.preparedQuery("INSERT INTO ingest_attempt (id, tenant, source_bucket, source_key, checksum, format, status, "
                        + "version_id, quarantine_key, problem, event, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                        + "$10::text::jsonb, $11::text::jsonb, $12)")
                .execute(Tuple.from(new Object[] {a.id(), a.tenant(), a.sourceBucket(), a.sourceKey(), a.checksum(), a.format(),
                        a.status(), a.versionId(), a.quarantineKey(), a.problem() == null ? null : json(a.problem()),
                        json(a.event()), correlationId}))
                .replaceWithVoid();
    }

    public Uni<Optional<Attempt>> forVersion(SqlConnection conn, UUID versionId) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM ingest_attempt WHERE version_id = $1")
                .execute(Tuple.of(versionId)).map(rows -> first(rows));
    }

    /** The newest failed attempt for an upload, if it was quarantined. */
    public Uni<Optional<Attempt>> lastFailure(SqlConnection conn, String bucket, String key) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM ingest_attempt WHERE source_bucket = $1 AND source_key = $2 "
                        + "AND status = 'FAILED' ORDER BY created_at DESC LIMIT 1")
                .execute(Tuple.of(bucket, key)).map(rows -> first(rows));
    }

    /**
     * Publishes an attempt's event unless that was done, holding the row lock meanwhile, so concurrent
     * deliveries of one trigger publish it once.
     */
    public Uni<Void> publishOnce(SqlConnection conn, UUID id, java.util.function.Function<CloudEvent, Uni<Void>> publish) {
        return conn.preparedQuery("SELECT event::text FROM ingest_attempt WHERE id = $1 AND published_at IS NULL FOR UPDATE")
                .execute(Tuple.of(id))
                .chain(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    CloudEvent event;
                    try {
                        event = mapper.readValue(it.next().getString(0), CloudEvent.class);
                    } catch (JsonProcessingException e) {
                        return Uni.createFrom().failure(e);
                    }
                    return publish.apply(event).chain(() -> markPublished(conn, id));
                });
    }

    public Uni<Void> markPublished(SqlConnection conn, UUID id) {
        return conn.preparedQuery("UPDATE ingest_attempt SET published_at = now() WHERE id = $1 AND published_at IS NULL")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    private Optional<Attempt> first(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row r = it.next();
        try {
            return Optional.of(new Attempt(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5), r.getString(6), r.getUUID(7), r.getString(8),
                    r.getString(9) == null ? null : mapper.readValue(r.getString(9), Problem.class),
                    mapper.readValue(r.getString(10), CloudEvent.class), r.getBoolean(11)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt ingest_attempt row " + r.getUUID(0), e);
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
