package io.flextime.export.store;

import io.flextime.core.secrets.SecretSealer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Partner endpoints and their signing secrets (tables webhook_endpoint, webhook_secret). Secrets are
 * stored sealed ({@link SecretSealer}), bound to their tenant and endpoint.
 */
@ApplicationScoped
public class WebhookEndpoints {
    private static final String COLUMNS = "id, tenant, url, description, event_types, seasons, enabled, disabled_reason, created_at";

    private final SecretSealer sealer;

    public WebhookEndpoints(SecretSealer sealer) {
        this.sealer = sealer;
    }

    /** How many endpoints the tenant (of the transaction) has. */
    public Uni<Integer> count(SqlConnection conn) {
        return conn.query("SELECT count(*)::int FROM webhook_endpoint").execute().map(rows -> rows.iterator().next().getInteger(0));
    }

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
                        .execute(Tuple.of(e.id(), e.tenant(), sealer.seal(secret, context(e.tenant(), e.id())))))
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
                        .execute(Tuple.of(endpointId, tenant, sealer.seal(newSecret, context(tenant, endpointId)))))
                .replaceWithVoid();
    }

    /** Secrets that sign now per endpoint, newest first, opened. */
    public Uni<Map<String, List<String>>> activeSecrets(SqlConnection conn, String[] endpointIds) {
        return conn.preparedQuery("SELECT endpoint_id, tenant, secret FROM webhook_secret WHERE endpoint_id = ANY($1) "
                        + "AND (expires_at IS NULL OR expires_at > now()) ORDER BY created_at DESC")
                .execute(Tuple.of(endpointIds))
                .map(rows -> {
                    Map<String, List<String>> secrets = new LinkedHashMap<>();
                    rows.forEach(r -> secrets.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
                            .add(sealer.open(r.getString(2), context(r.getString(1), r.getString(0)))));
                    return secrets;
                });
    }

    /** Secrets stored before they were sealed (the app role sees one tenant's): sealed in place. */
    public Uni<Integer> sealLegacySecrets(SqlConnection conn) {
        return conn.query("SELECT endpoint_id, tenant, secret FROM webhook_secret WHERE secret NOT LIKE '"
                        + SecretSealer.PREFIX + "%'").execute()
                .chain(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    rows.forEach(r -> updates.add(Tuple.of(r.getString(0), r.getString(2),
                            sealer.seal(r.getString(2), context(r.getString(1), r.getString(0))))));
                    return updates.isEmpty() ? Uni.createFrom().item(0)
                            : conn.preparedQuery("UPDATE webhook_secret SET secret = $3 WHERE endpoint_id = $1 AND secret = $2")
                                    .executeBatch(updates).replaceWith(updates.size());
                });
    }

    /** What a sealed secret is bound to: another endpoint's (or tenant's) ciphertext does not open here. */
    static String context(String tenant, String endpointId) {
        return "webhook:" + tenant + ":" + endpointId;
    }

    static Endpoint endpoint(Row r) {
        return new Endpoint(r.getString(0), r.getString(1), r.getString(2), r.getString(3), list(r.getArrayOfStrings(4)),
                list(r.getArrayOfStrings(5)), r.getBoolean(6), r.getString(7), r.getOffsetDateTime(8).toInstant());
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
