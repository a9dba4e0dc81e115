package io.flextime.export.store;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Partner endpoints and their signing secrets (tables webhook_endpoint, webhook_secret). */
@ApplicationScoped
public class WebhookEndpoints {
    private static final String COLUMNS = "id, tenant, url, description, event_types, seasons, enabled, disabled_reason, created_at";

    /** A partner subscription. Empty {@code eventTypes} / {@code seasons} match everything. */
    @RegisterForReflection
    public record Endpoint(String id, String tenant, String url, String description, List<String> eventTypes,
            List<String> seasons, boolean enabled, String disabledReason, Instant createdAt) {

        public boolean wants(String eventType, String season) {
            return (eventTypes.isEmpty() || eventTypes.contains(eventType) || eventTypes.contains("*"))
                    && (seasons.isEmpty() || season == null || seasons.contains(season));
        }
    }

    public Uni<Endpoint> insert(SqlConnection conn, Endpoint e, String secret) {
        return conn.preparedQuery("INSERT INTO webhook_endpoint (id, tenant, url, description, event_types, seasons) "
                        + "VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(e.id(), e.tenant(), e.url(), e.description(), e.eventTypes().toArray(String[]::new),
                        e.seasons().toArray(String[]::new)))
                .chain(() -> conn.preparedQuery("INSERT INTO webhook_secret (endpoint_id, tenant, secret) VALUES ($1, $2, $3)")
                        .execute(Tuple.of(e.id(), e.tenant(), secret)))
                .chain(() -> find(conn, e.id())).map(Optional::orElseThrow);
    }

    public Uni<Optional<Endpoint>> find(SqlConnection conn, String id) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(endpoint(rows.iterator().next())) : Optional.empty());
    }

    public Uni<List<Endpoint>> all(SqlConnection conn) {
        return conn.query("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY created_at, id").execute().map(rows -> {
            List<Endpoint> out = new ArrayList<>();
            rows.forEach(r -> out.add(endpoint(r)));
            return out;
        });
    }

    public Uni<List<Endpoint>> enabled(SqlConnection conn) {
        return conn.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE enabled ORDER BY id").execute().map(rows -> {
            List<Endpoint> out = new ArrayList<>();
            rows.forEach(r -> out.add(endpoint(r)));
            return out;
        });
    }

    public Uni<Void> setEnabled(SqlConnection conn, String id, boolean enabled, String reason) {
        return conn.preparedQuery("UPDATE webhook_endpoint SET enabled = $2, disabled_reason = $3, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id, enabled, enabled ? null : reason)).replaceWithVoid();
    }

    /** Adds a new current secret; the previous current ones keep signing until {@code oldExpireAt}. */
    public Uni<Void> rotate(SqlConnection conn, String endpointId, String tenant, String newSecret, Instant oldExpireAt) {
        return conn.preparedQuery("UPDATE webhook_secret SET expires_at = $2 WHERE endpoint_id = $1 AND expires_at IS NULL")
                .execute(Tuple.of(endpointId, oldExpireAt.atOffset(ZoneOffset.UTC)))
                .chain(() -> conn.preparedQuery("INSERT INTO webhook_secret (endpoint_id, tenant, secret) VALUES ($1, $2, $3)")
                        .execute(Tuple.of(endpointId, tenant, newSecret)))
                .replaceWithVoid();
    }

    /** Secrets that sign now, newest first. */
    public Uni<List<String>> activeSecrets(SqlConnection conn, String endpointId) {
        return conn.preparedQuery("SELECT secret FROM webhook_secret WHERE endpoint_id = $1 AND (expires_at IS NULL OR expires_at > now()) "
                        + "ORDER BY created_at DESC").execute(Tuple.of(endpointId))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    static Endpoint endpoint(Row r) {
        return new Endpoint(r.getString(0), r.getString(1), r.getString(2), r.getString(3), list(r.getArrayOfStrings(4)),
                list(r.getArrayOfStrings(5)), r.getBoolean(6), r.getString(7), r.getOffsetDateTime(8).toInstant());
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
