package io.flextime.export.webhook;

import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.TenantDb;
import io.flextime.export.store.DueQueue;
import io.flextime.export.store.WebhookDeliveries;
import io.flextime.export.store.WebhookDeliveries.AttemptLog;
import io.flextime.export.store.WebhookDeliveries.Delivery;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** What was sent to partners, attempt by attempt, and replays of finished (e.g. dead-lettered) deliveries. */
@ApplicationScoped
public class DeliveryLog {
    private final TenantDb db;
    private final WebhookDeliveries deliveries;
    private final DueQueue queue;
    private final FollowUpSweeps followUps;
    private final AuditTrail audit;

    public DeliveryLog(TenantDb db, WebhookDeliveries deliveries, DueQueue queue, FollowUpSweeps followUps, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.deliveries = deliveries;
        this.queue = queue;
        this.followUps = followUps;
    }

    @RegisterForReflection
    public record DeliveryDetail(Delivery delivery, List<AttemptLog> attempts) {
    }

    public List<Delivery> list(String tenant, String endpointId, String status, Integer limit) {
        int n = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        return db.inTenantBlocking(tenant, conn -> deliveries.list(conn, blankToNull(endpointId), blankToNull(status), n));
    }

    public DeliveryDetail detail(String tenant, String deliveryId) {
        return db.inTenantBlocking(tenant, conn -> deliveries.find(conn, deliveryId)
                .map(d -> d.orElseThrow(() -> notFound(deliveryId)))
                .chain(d -> deliveries.attempts(conn, deliveryId).map(a -> new DeliveryDetail(d, a))));
    }

    /**
     * Sends a finished delivery again with a fresh cycle of attempts (same webhook-id, so a receiver
     * that already has it can tell). A delivery still pending is left alone.
     */
    public DeliveryDetail replay(String tenant, Actor actor, String deliveryId) {
        db.inTenantBlocking(tenant, conn -> deliveries.find(conn, deliveryId)
                .map(d -> d.orElseThrow(() -> notFound(deliveryId)))
                .chain(d -> deliveries.replay(conn, deliveryId)
                        .chain(replayed -> replayed ? queue.enqueue(conn, tenant, List.of(d.endpointId()), Instant.now())
                                .call(() -> audit.record(conn, tenant, actor, AuditTrail.OK, "deliveryId", deliveryId,
                                        "endpointId", d.endpointId()))
                                : io.smallrye.mutiny.Uni.createFrom().voidItem())));
        followUps.kick();
        return detail(tenant, deliveryId);
    }

    private static ProblemException notFound(String deliveryId) {
        return new ProblemException(Problem.notFound("No webhook delivery " + deliveryId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
