package io.flextime.export.store;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhook messages, deliveries and the attempt log (tables webhook_message, webhook_delivery, webhook_attempt). */
@ApplicationScoped
public class WebhookDeliveries {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";
    public static final String DISABLED = "DISABLED";

    private final WebhookEndpoints endpoints;

    public WebhookDeliveries(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The oldest pending delivery of an endpoint, with what it takes to send it. */
    public record Head(String deliveryId, String endpointId, String url, boolean endpointEnabled, String messageId,
            String eventType, String payload, String correlationId, int attempts, int totalAttempts, Instant nextAttemptAt,
            List<String> secrets) {
    }

    /** The outcome of one attempt, to be recorded. {@code nextAttemptAt} null with PENDING never happens. */
    public record Attempt(Head head, Instant startedAt, int durationMs, Integer statusCode, String error, String response,
            String newStatus, Instant nextAttemptAt) {
    }

    @RegisterForReflection
    public record Delivery(String id, String endpointId, String messageId, String eventType, String status, int attempts,
            int totalAttempts, int replays, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
            Instant updatedAt) {
    }

    @RegisterForReflection
    public record AttemptLog(int attempt, Instant startedAt, int durationMs, Integer statusCode, String error, String response) {
    }

    /** Deterministic ids: the same input (or endpoint and message) always names the same row. */
    public static String messageId(String... parts) {
        return "msg_" + hash(parts).substring(0, 32);
    }

    public static String deliveryId(String endpointId, String messageId) {
        return "dlv_" + hash(endpointId, messageId).substring(0, 32);
    }

    public Uni<Boolean> createMessage(SqlConnection conn, String id, String tenant, String eventType, String season,
            String payload, String correlationId) {
        return conn.preparedQuery("INSERT INTO webhook_message (id, tenant, event_type, season, payload, correlation_id) "
                        + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.of(id, tenant, eventType, season, payload, correlationId)).map(r -> r.rowCount() == 1);
    }

    /** One pending delivery per endpoint (idempotent); returns the endpoints that got a new one. */
    public Uni<List<String>> createDeliveries(SqlConnection conn, String tenant, String messageId, List<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Tuple> rows = endpointIds.stream()
                .map(e -> Tuple.of(deliveryId(e, messageId), tenant, e, messageId)).toList();
        return conn.preparedQuery("INSERT INTO webhook_delivery (id, tenant, endpoint_id, message_id) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT DO NOTHING").executeBatch(rows)
                .replaceWith(endpointIds);
    }

    public Uni<List<Head>> heads(SqlConnection conn, List<String> endpointIds) {
        String[] ids = endpointIds.toArray(String[]::new);
        return conn.preparedQuery("SELECT DISTINCT ON (d.endpoint_id) d.id, d.endpoint_id, e.url, e.enabled, d.message_id, "
                        + "m.event_type, m.payload, m.correlation_id, d.attempts, d.total_attempts, d.next_attempt_at "
                        + "FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id "
                        + "JOIN webhook_message m ON m.id = d.message_id "
                        + "WHERE d.endpoint_id = ANY($1) AND d.status = 'PENDING' ORDER BY d.endpoint_id, d.seq")
                .execute(Tuple.of(ids))
                .chain(rows -> endpoints.activeSecrets(conn, ids)
                        .map(secrets -> {
                            List<Head> out = new ArrayList<>();
                            for (Row r : rows) {
                                out.add(new Head(r.getString(0), r.getString(1), r.getString(2), r.getBoolean(3), r.getString(4),
                                        r.getString(5), r.getString(6), r.getString(7), r.getInteger(8), r.getInteger(9),
                                        r.getOffsetDateTime(10).toInstant(), secrets.getOrDefault(r.getString(1), List.of())));
                            }
                            return out;
                        }));
    }

    /** Logs the attempts and moves each delivery on (delivered, next retry, dead or disabled). */
    public Uni<Void> record(SqlConnection conn, String tenant, List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> log = new ArrayList<>();
        List<Tuple> updates = new ArrayList<>();
        for (Attempt a : attempts) {
            log.add(Tuple.from(new Object[] { a.head().deliveryId(), tenant, a.head().totalAttempts() + 1, utc(a.startedAt()),
                    a.durationMs(), a.statusCode(), a.error(), a.response() }));
            updates.add(Tuple.from(new Object[] { a.head().deliveryId(), a.newStatus(),
                    utc(a.nextAttemptAt() == null ? a.startedAt() : a.nextAttemptAt()), a.statusCode(), a.error() }));
        }
        return conn.preparedQuery("INSERT INTO webhook_attempt (delivery_id, tenant, attempt, started_at, duration_ms, status_code, "
                        + "error, response) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING").executeBatch(log)
                .chain(() -> conn.preparedQuery("UPDATE webhook_delivery SET status = $2, attempts = attempts + 1, "
                        + "total_attempts = total_attempts + 1, next_attempt_at = $3, last_status_code = $4, last_error = $5, "
                        + "updated_at = now() WHERE id = $1 AND status = 'PENDING'").executeBatch(updates))
                .replaceWithVoid();
    }

    /** Stops every pending delivery of a disabled endpoint (they can be replayed once it is enabled again). */
    public Uni<Void> disablePending(SqlConnection conn, String endpointId, String reason) {
        return conn.preparedQuery("UPDATE webhook_delivery SET status = 'DISABLED', last_error = coalesce(last_error, $2), "
                        + "updated_at = now() WHERE endpoint_id = $1 AND status = 'PENDING'")
                .execute(Tuple.of(endpointId, reason)).replaceWithVoid();
    }

    /** When each endpoint's next pending delivery is due (endpoints without one are absent). */
    public Uni<Map<String, Instant>> nextDue(SqlConnection conn, List<String> endpointIds) {
        return conn.preparedQuery("SELECT DISTINCT ON (endpoint_id) endpoint_id, next_attempt_at FROM webhook_delivery "
                        + "WHERE endpoint_id = ANY($1) AND status = 'PENDING' ORDER BY endpoint_id, seq")
                .execute(Tuple.of((Object) endpointIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Instant> out = new LinkedHashMap<>();
                    rows.forEach(r -> out.put(r.getString(0), r.getOffsetDateTime(1).toInstant()));
                    return out;
                });
    }

    public Uni<Optional<Delivery>> find(SqlConnection conn, String deliveryId) {
        return list(conn, "WHERE d.id = $1", Tuple.of(deliveryId)).map(l -> l.stream().findFirst());
    }

    public Uni<List<Delivery>> list(SqlConnection conn, String endpointId, String status, int limit) {
        return list(conn, "WHERE ($1::text IS NULL OR d.endpoint_id = $1) AND ($2::text IS NULL OR d.status = $2) "
                + "ORDER BY d.seq DESC LIMIT $3", Tuple.of(endpointId, status, limit));
    }

    public Uni<List<AttemptLog>> attempts(SqlConnection conn, String deliveryId) {
        return conn.preparedQuery("SELECT attempt, started_at, duration_ms, status_code, error, response FROM webhook_attempt "
                        + "WHERE delivery_id = $1 ORDER BY attempt").execute(Tuple.of(deliveryId))
                .map(rows -> {
                    List<AttemptLog> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new AttemptLog(r.getInteger(0), r.getOffsetDateTime(1).toInstant(), r.getInteger(2),
                            r.getInteger(3), r.getString(4), r.getString(5))));
                    return out;
                });
    }

    /** Puts a finished delivery back in the queue for a new cycle of attempts; false if it is still pending. */
    public Uni<Boolean> replay(SqlConnection conn, String deliveryId) {
        return conn.preparedQuery("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, replays = replays + 1, "
                        + "next_attempt_at = now(), updated_at = now() WHERE id = $1 AND status <> 'PENDING'")
                .execute(Tuple.of(deliveryId)).map(r -> r.rowCount() == 1);
    }

    private Uni<List<Delivery>> list(SqlConnection conn, String where, Tuple args) {
        return conn.preparedQuery("SELECT d.id, d.endpoint_id, d.message_id, m.event_type, d.status, d.attempts, d.total_attempts, "
                        + "d.replays, d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.updated_at "
                        + "FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id " + where).execute(args)
                .map(rows -> {
                    List<Delivery> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Delivery(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getInteger(5), r.getInteger(6), r.getInteger(7), r.getOffsetDateTime(8).toInstant(),
                                r.getInteger(9), r.getString(10), r.getOffsetDateTime(11).toInstant(),
                                r.getOffsetDateTime(12).toInstant()));
                    }
                    return out;
                });
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
