package io.flextime.backup.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.backup.store.BackupDatabase;
import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.store.ObjectStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Ships the audit trail to the audit bucket (S3 Object Lock in AWS, infra/terraform: an object cannot
 * be changed or deleted before its retention ends, whoever asks), every row exactly once in order.
 *
 * <p>A shipment takes every row of the transactions with {@code txid} in [previous end, the oldest
 * transaction still running): those are all finished, so no row can appear below the mark later (an id
 * or time mark could miss a row whose transaction commits late). One JSON line per row, ordered by id;
 * the shipment records the object's SHA-256 and the previous one's, a chain a reader can check. Shipments
 * are serialized by an advisory lock; an object written whose shipment then failed to commit is shipped
 * again under another key (rows are identified by id: a reader drops duplicates).
 */
@ApplicationScoped
public class AuditShipper {
    private static final long LOCK = 0x666c6578_61756474L; // "flexaudt"

    private final BackupDatabase db;
    private final ObjectStore objects;
    private final AuditTrail audit;
    private final FlexTimeConfig config;
    private final ObjectMapper mapper;

    public AuditShipper(BackupDatabase db, ObjectStore objects, AuditTrail audit, FlexTimeConfig config, ObjectMapper mapper) {
        this.db = db;
        this.objects = objects;
        this.audit = audit;
        this.config = config;
        this.mapper = mapper;
    }

    /** What one run shipped (none when there were no new final rows). */
    @RegisterForReflection
    public record Shipment(String objectKey, int rows, String fromXid, String toXid, String sha256) {
    }

    public Shipment ship(Actor actor) {
        Shipment s = db.pool().withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK))
                .chain(() -> conn.query("SELECT to_xid::text, sha256 FROM backup_audit_shipment ORDER BY id DESC LIMIT 1").execute())
                .chain(last -> {
                    String from = last.iterator().hasNext() ? last.iterator().next().getString(0) : "0";
                    String previous = last.iterator().hasNext() ? last.iterator().next().getString(1) : null;
                    return conn.query("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").execute()
                            .chain(xmin -> rows(conn, from, xmin.iterator().next().getString(0), previous));
                })).await().indefinitely();
        audit.operation(config.security().platformTenant(), actor, AuditTrail.OK, "objectKey", s.objectKey(), "rows", s.rows(),
                "toXid", s.toXid()).await().indefinitely();
        return s;
    }

    private Uni<Shipment> rows(SqlConnection conn, String from, String to, String previous) {
        return conn.preparedQuery("SELECT id, tenant, occurred_at, subject, roles, via, action, target::text, outcome, status, "
                        + "detail, correlation_id, txid::text FROM audit_event WHERE txid >= $1::xid8 AND txid < $2::xid8 ORDER BY id")
                .execute(Tuple.of(from, to))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(new Shipment(null, 0, from, to, previous));
                    }
                    byte[] body = jsonLines(rows);
                    String sha = sha256(body);
                    String key = "audit/" + LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/" + from + "-" + to
                            + ".jsonl";
                    objects.put(config.buckets().audit(), key, body, "application/x-ndjson");
                    return conn.preparedQuery("INSERT INTO backup_audit_shipment (from_xid, to_xid, object_key, rows, sha256, "
                                    + "previous_sha256) VALUES ($1::xid8, $2::xid8, $3, $4, $5, $6)")
                            .execute(Tuple.of(from, to, key, rows.size(), sha, previous))
                            .replaceWith(new Shipment(key, rows.size(), from, to, sha));
                });
    }

    private byte[] jsonLines(Iterable<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Row r : rows) {
            ObjectNode line = mapper.createObjectNode().put("id", r.getLong(0)).put("tenant", r.getString(1))
                    .put("occurredAt", r.getOffsetDateTime(2).toInstant().toString()).put("subject", r.getString(3));
            var roles = line.putArray("roles");
            for (String role : r.getArrayOfStrings(4)) {
                roles.add(role);
            }
            line.put("via", r.getString(5)).put("action", r.getString(6));
            try {
                line.set("target", mapper.readTree(r.getString(7)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            line.put("outcome", r.getString(8));
            if (r.getInteger(9) != null) {
                line.put("status", r.getInteger(9));
            }
            line.put("detail", r.getString(10)).put("correlationId", r.getString(11)).put("txid", r.getString(12));
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
