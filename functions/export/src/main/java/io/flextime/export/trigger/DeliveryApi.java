package io.flextime.export.trigger;

import io.flextime.core.store.Tenants;
import io.flextime.export.store.WebhookDeliveries.Delivery;
import io.flextime.export.webhook.DeliveryLog;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** HTTP: webhook deliveries with their attempts, and replay of a finished (e.g. dead-lettered) delivery. */
@ApplicationScoped
public class DeliveryApi {
    private final DeliveryLog log;

    public DeliveryApi(DeliveryLog log) {
        this.log = log;
    }

    @RegisterForReflection
    public record DeliveriesQuery(String tenant, String endpointId, String status, Integer limit) {
    }

    @RegisterForReflection
    public record DeliveryRequest(String tenant, String deliveryId) {
    }

    @Funq
    public List<Delivery> deliveries(DeliveriesQuery q) {
        return log.list(Tenants.require(q.tenant()), q.endpointId(), q.status(), q.limit());
    }

    @Funq
    public DeliveryLog.DeliveryDetail delivery(DeliveryRequest r) {
        return log.detail(Tenants.require(r.tenant()), r.deliveryId());
    }

    @Funq
    public DeliveryLog.DeliveryDetail replayDelivery(DeliveryRequest r) {
        return log.replay(Tenants.require(r.tenant()), r.deliveryId());
    }
}
