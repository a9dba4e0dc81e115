package io.flextime.export.webhook;

import io.flextime.export.store.DueQueue;
import io.flextime.export.store.WebhookDeliveries;
import io.flextime.export.store.WebhookEndpoints;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Queues one message for every enabled endpoint of the tenant whose filter wants it, inside the
 * caller's transaction (so it commits with the effects that caused it). Message and delivery ids
 * are deterministic: queuing the same message twice adds nothing.
 */
@ApplicationScoped
public class WebhookFanout {
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final DueQueue queue;

    public WebhookFanout(WebhookEndpoints endpoints, WebhookDeliveries deliveries, DueQueue queue) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.queue = queue;
    }

    /** Returns the number of endpoints the message is queued for. */
    public Uni<Integer> queue(SqlConnection conn, String tenant, String messageId, String eventType, String season,
            String payload, String correlationId) {
        return endpoints.enabled(conn).chain(all -> {
            List<String> ids = all.stream().filter(e -> e.wants(eventType, season)).map(WebhookEndpoints.Endpoint::id).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return deliveries.createMessage(conn, messageId, tenant, eventType, season, payload, correlationId)
                    .chain(() -> deliveries.createDeliveries(conn, tenant, messageId, ids))
                    .chain(created -> queue.enqueue(conn, tenant, created, Instant.now()))
                    .replaceWith(ids.size());
        });
    }
}
