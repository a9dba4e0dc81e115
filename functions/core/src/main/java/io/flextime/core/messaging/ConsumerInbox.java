package io.flextime.core.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.store.TenantDb;
import io.flextime.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Exactly-once effects over at-least-once delivery (DESIGN §3). A consumer's effects and the events
 * it will emit are committed together with the id of the input event; a duplicate input does no work
 * and re-emits the recorded events, so a crash between commit and publish heals on redelivery.
 */
@ApplicationScoped
public class ConsumerInbox {
    private static final TypeReference<List<CloudEvent>> EVENTS = new TypeReference<>() {
    };

    private final TenantDb db;
    private final EventPublisher publisher;
    private final ObjectMapper mapper;

    public ConsumerInbox(TenantDb db, EventPublisher publisher, ObjectMapper mapper) {
        this.db = db;
        this.publisher = publisher;
        this.mapper = mapper;
    }

    /** What handling an event led to. {@code duplicate} means the effects had been applied before. */
    public record Outcome(boolean duplicate, List<CloudEvent> emitted) {
    }

    /**
     * Applies {@code effects} once for ({@code consumer}, event id) inside one transaction, then
     * publishes the events they returned. A concurrent duplicate waits on the inbox row and then
     * re-emits what the first recorded.
     */
    public Uni<Outcome> handleOnce(String consumer, CloudEvent input,
            Function<SqlConnection, Uni<List<CloudEvent>>> effects) {
        return db.inTenant(input.tenant(), conn -> conn
                .preparedQuery("INSERT INTO processed_event (consumer, event_id, tenant, event_type) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(consumer, input.id(), input.tenant(), input.type()))
                .chain(inserted -> inserted.rowCount() == 1
                        ? effects.apply(conn).chain(out -> record(conn, consumer, input.id(), out)
                                .replaceWith(new Outcome(false, out)))
                        : recorded(conn, consumer, input.id())
                                .map(out -> new Outcome(true, out.orElse(List.of())))))
                .chain(outcome -> publisher.publishAll(outcome.emitted()).replaceWith(outcome));
    }

    /** The events recorded for an input already handled, if it was. */
    public Uni<Optional<List<CloudEvent>>> recorded(String tenant, String consumer, String eventId) {
        return db.inTenant(tenant, conn -> recorded(conn, consumer, eventId));
    }

    private Uni<Optional<List<CloudEvent>>> recorded(SqlConnection conn, String consumer, String eventId) {
        return conn.preparedQuery("SELECT outputs::text FROM processed_event WHERE consumer = $1 AND event_id = $2")
                .execute(Tuple.of(consumer, eventId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = it.next();
                    return Optional.of(parse(row.getString(0)));
                });
    }

    private Uni<Void> record(SqlConnection conn, String consumer, String eventId, List<CloudEvent> out) {
        return conn.preparedQuery("UPDATE processed_event SET outputs = $3::text::jsonb WHERE consumer = $1 AND event_id = $2")
                .execute(Tuple.of(consumer, eventId, write(out)))
                .replaceWithVoid();
    }

    private String write(List<CloudEvent> events) {
        try {
            return mapper.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize events", e);
        }
    }

    private List<CloudEvent> parse(String json) {
        try {
            return mapper.readValue(json, EVENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt inbox outputs", e);
        }
    }

}
