package io.flextime.core.store;

import io.flextime.core.config.FlexTimeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The stored calls of mutating doors that carried an {@code Idempotency-Key} (table
 * {@code idempotent_request}, V80, row-level security by tenant). A call first claims its key; the
 * claim is committed at once, so a concurrent or later call with the same key sees it. Keys live
 * {@code flextime.idempotency.retention}; a claim left running longer than
 * {@code flextime.idempotency.lease} (its process died) may be taken over.
 */
@ApplicationScoped
public class IdempotencyStore {
    private static final String EXPIRE = "DELETE FROM idempotent_request WHERE tenant = $1 AND (created_at < now() - $2::bigint * interval '1 second'"
            + " OR (door = $3 AND subject = $4 AND idem_key = $5 AND state = 'RUNNING' AND created_at < now() - $6::bigint * interval '1 second'))";
    private static final String CLAIM = "INSERT INTO idempotent_request (tenant, door, subject, idem_key, fingerprint, state) "
            + "VALUES ($1, $2, $3, $4, $5, 'RUNNING') ON CONFLICT DO NOTHING RETURNING 1";
    private static final String FIND = "SELECT fingerprint, state, answer FROM idempotent_request "
            + "WHERE tenant = $1 AND door = $2 AND subject = $3 AND idem_key = $4";
    private static final String ANSWER = "UPDATE idempotent_request SET state = 'DONE', answer = $5, answered_at = now() "
            + "WHERE tenant = $1 AND door = $2 AND subject = $3 AND idem_key = $4";
    private static final String RELEASE = "DELETE FROM idempotent_request WHERE tenant = $1 AND door = $2 AND subject = $3 "
            + "AND idem_key = $4 AND state = 'RUNNING'";

    /** Who asked, where, with which key. */
    public record Call(String tenant, String door, String subject, String key) {
        Tuple tuple() {
            return Tuple.of(tenant, door, subject, key);
        }
    }

    /** What a claim found: the key is this call's now ({@link State#CLAIMED}), or an earlier call's. */
    public record Claim(State state, String fingerprint, String answer) {
    }

    public enum State { CLAIMED, RUNNING, DONE }

    private final TenantDb db;
    private final FlexTimeConfig config;

    public IdempotencyStore(TenantDb db, FlexTimeConfig config) {
        this.db = db;
        this.config = config;
    }

    /** Claims the key for this call, or returns the earlier call that holds it (its fingerprint, and its answer once done). */
    public Claim claim(Call call, String fingerprint) {
        return db.inTenantBlocking(call.tenant(), conn -> conn.preparedQuery(EXPIRE)
                .execute(Tuple.of(call.tenant(), config.idempotency().retention().toSeconds(), call.door(), call.subject(), call.key(),
                        config.idempotency().lease().toSeconds()))
                .chain(() -> conn.preparedQuery(CLAIM).execute(call.tuple().addString(fingerprint)))
                .chain(claimed -> claimed.rowCount() > 0 ? Uni.createFrom().item(new Claim(State.CLAIMED, fingerprint, null))
                        : conn.preparedQuery(FIND).execute(call.tuple()).map(IdempotencyStore::earlier)));
    }

    /** Stores the door's answer (JSON) for the claimed key. */
    public void answered(Call call, String answerJson) {
        db.inTenantBlocking(call.tenant(), conn -> conn.preparedQuery(ANSWER).execute(call.tuple().addString(answerJson)));
    }

    /** Frees the claimed key (the door failed: a retry with the key runs it again). */
    public void release(Call call) {
        db.inTenantBlocking(call.tenant(), conn -> conn.preparedQuery(RELEASE).execute(call.tuple()));
    }

    private static Claim earlier(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            // Answered and expired between the insert and this read: as good as running, the caller retries.
            return new Claim(State.RUNNING, null, null);
        }
        Row r = rows.iterator().next();
        return new Claim(State.valueOf(r.getString("state")), r.getString("fingerprint"), r.getString("answer"));
    }
}
