package io.flextime.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.store.TenantDb;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
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

/**
 * The append-only audit trail (table {@code audit_event}, V70; DESIGN §10): one record per mutation,
 * written on the mutation's own connection so it commits or rolls back with it, and one per refusal
 * (in a transaction of its own: a refusal changes nothing else). The app role may insert and read its
 * tenant's records, never change or delete one.
 */
@ApplicationScoped
public class AuditTrail {
    public static final String OK = "ok";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";

    private static final String INSERT = "INSERT INTO audit_event (tenant, subject, roles, via, action, target, outcome, status, "
            + "detail, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    private final TenantDb db;
    private final ObjectMapper mapper;

    public AuditTrail(TenantDb db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** One audited record, as stored and as the {@code auditEvents} door returns it. */
    @RegisterForReflection
    public record AuditRecord(long id, Instant at, String tenant, String subject, List<String> roles, String via,
            String action, JsonNode target, String outcome, Integer status, String detail, String correlationId) {
    }

    /**
     * Records an allowed action on the connection of its transaction ({@code flextime.tenant} = tenant).
     * {@code target} names what was acted on (ids), in the order given.
     */
    public Uni<Void> record(SqlConnection conn, String tenant, Actor actor, String outcome, Object... target) {
        return conn.preparedQuery(INSERT).execute(tuple(tenant, actor, targets(target), outcome, null, null)).replaceWithVoid();
    }

    /** Records an action that failed on its input (nothing but its failure was kept, e.g. a quarantined upload). */
    public Uni<Void> failed(SqlConnection conn, String tenant, Actor actor, String detail, Object... target) {
        return conn.preparedQuery(INSERT).execute(tuple(tenant, actor, targets(target), FAILED, null, detail)).replaceWithVoid();
    }

    /**
     * Records, in a transaction of its own, an operation whose effects were committed elsewhere (a webhook
     * sweep over many tenants, a backup of the whole database): the record of who ran it and what it did.
     */
    public Uni<Void> operation(String tenant, Actor actor, String outcome, Object... target) {
        return db.inTenant(tenant, conn -> record(conn, tenant, actor, outcome, target));
    }

    /** Records a refused call in its own transaction, under the tenant of the caller's trail. */
    public Uni<Void> refusal(String tenant, Actor actor, int status, String reason, Object... target) {
        return db.inTenant(tenant, conn -> conn.preparedQuery(INSERT)
                .execute(tuple(tenant, actor, targets(target), REFUSED, status, reason)).replaceWithVoid());
    }

    /** A tenant's records, newest first; {@code action} and {@code since} narrow it when given. */
    public Uni<List<AuditRecord>> recent(String tenant, String action, Instant since, int limit) {
        return db.inTenant(tenant, conn -> conn.preparedQuery("SELECT id, occurred_at, tenant, subject, roles, via, action, "
                        + "target::text, outcome, status, detail, correlation_id FROM audit_event "
                        + "WHERE ($1::text IS NULL OR action = $1) AND ($2::timestamptz IS NULL OR occurred_at >= $2) "
                        + "ORDER BY id DESC LIMIT $3")
                .execute(Tuple.of(action, since == null ? null : since.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<AuditRecord> out = new ArrayList<>();
                    rows.forEach(r -> out.add(read(r)));
                    return out;
                }));
    }

    private Tuple tuple(String tenant, Actor actor, JsonObject target, String outcome, Integer status, String detail) {
        return Tuple.from(Arrays.asList(tenant, actor.subject(), actor.roles().toArray(String[]::new), actor.via(), actor.action(),
                target, outcome, status, detail, actor.correlationId()));
    }

    /** Pairs of name, value: {@code "endpointId", id, "url", url}; null values are left out. */
    static JsonObject targets(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("audit target: name/value pairs expected");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put(String.valueOf(pairs[i]), pairs[i + 1] instanceof Number || pairs[i + 1] instanceof Boolean
                        ? pairs[i + 1] : String.valueOf(pairs[i + 1]));
            }
        }
        return new JsonObject(map);
    }

    private AuditRecord read(Row r) {
        try {
            return new AuditRecord(r.getLong(0), r.getOffsetDateTime(1).toInstant(), r.getString(2), r.getString(3),
                    Arrays.asList(r.getArrayOfStrings(4)), r.getString(5), r.getString(6), mapper.readTree(r.getString(7)),
                    r.getString(8), r.getInteger(9), r.getString(10), r.getString(11));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit target", e);
        }
    }
}
