package io.flextime.export.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cross-tenant queue of endpoints with due deliveries (table webhook_due, deliberately not
 * tenant-scoped: see V40__export.sql). A sweep claims rows with a lease (SKIP LOCKED, so concurrent
 * sweeps never share an endpoint: this is what keeps an endpoint's deliveries in order), then
 * finishes each one from inside the tenant's transaction.
 */
@ApplicationScoped
public class DueQueue {

    /** A claimed endpoint; {@code generation} tells whether work was queued for it since the claim. */
    public record Claim(String endpointId, String tenant, long generation) {
    }

    /** Queues work for endpoints (called in the tenant transaction that created their deliveries). */
    public Uni<Void> enqueue(SqlConnection conn, String tenant, List<String> endpointIds, Instant dueAt) {
        if (endpointIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = endpointIds.stream().map(e -> Tuple.of(e, tenant, dueAt.atOffset(ZoneOffset.UTC))).toList();
        return conn.preparedQuery("INSERT INTO webhook_due (endpoint_id, tenant, due_at) VALUES ($1, $2, $3) "
                        + "ON CONFLICT (endpoint_id) DO UPDATE SET due_at = LEAST(webhook_due.due_at, EXCLUDED.due_at), "
                        + "generation = webhook_due.generation + 1")
                .executeBatch(rows).replaceWithVoid();
    }

    /** Claims up to {@code limit} due endpoints of any tenant for {@code lease}. */
    public Uni<List<Claim>> claim(Pool pool, String owner, int limit, Duration lease) {
        return pool.withTransaction(conn -> conn.preparedQuery("UPDATE webhook_due SET leased_until = now() + make_interval(secs => $3), "
                        + "lease_owner = $1 WHERE endpoint_id IN (SELECT endpoint_id FROM webhook_due WHERE due_at <= now() "
                        + "AND (leased_until IS NULL OR leased_until < now()) ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                        + "RETURNING endpoint_id, tenant, generation")
                .execute(Tuple.of(owner, limit, (double) lease.toMillis() / 1000.0))
                .map(rows -> {
                    List<Claim> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Claim(r.getString(0), r.getString(1), r.getLong(2))));
                    return out;
                }));
    }

    /**
     * Finishes claims: an endpoint with a next pending delivery becomes due at its time, one without
     * leaves the queue, unless work was queued meanwhile (generation changed): then only the lease is
     * released and the row stays due for the next sweep.
     */
    public Uni<Void> finish(SqlConnection conn, String owner, List<Claim> claims, Map<String, Instant> nextDue) {
        if (claims.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> reschedule = new ArrayList<>();
        List<Tuple> remove = new ArrayList<>();
        List<Tuple> release = new ArrayList<>();
        for (Claim c : claims) {
            Instant next = nextDue.get(c.endpointId());
            if (next == null) {
                remove.add(Tuple.of(c.endpointId(), c.generation()));
            } else {
                reschedule.add(Tuple.of(c.endpointId(), c.generation(), next.atOffset(ZoneOffset.UTC)));
            }
            release.add(Tuple.of(c.endpointId(), owner));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!remove.isEmpty()) {
            chain = chain.chain(() -> conn.preparedQuery("DELETE FROM webhook_due WHERE endpoint_id = $1 AND generation = $2")
                    .executeBatch(remove).replaceWithVoid());
        }
        if (!reschedule.isEmpty()) {
            chain = chain.chain(() -> conn.preparedQuery("UPDATE webhook_due SET due_at = $3, leased_until = NULL, lease_owner = NULL "
                    + "WHERE endpoint_id = $1 AND generation = $2").executeBatch(reschedule).replaceWithVoid());
        }
        return chain.chain(() -> conn.preparedQuery("UPDATE webhook_due SET leased_until = NULL, lease_owner = NULL "
                + "WHERE endpoint_id = $1 AND lease_owner = $2").executeBatch(release).replaceWithVoid());
    }

    /** When the queue next has claimable work (a due time, or the end of a lease), if it has any. */
    public Uni<Instant> nextWake(Pool pool) {
        return pool.query("SELECT min(GREATEST(due_at, coalesce(leased_until, due_at))) FROM webhook_due").execute()
                .map(rows -> {
                    var t = rows.iterator().next().getOffsetDateTime(0);
                    return t == null ? null : t.toInstant();
                });
    }
}
