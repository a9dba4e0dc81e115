package io.flextime.export.trigger;

import io.flextime.core.security.Caller;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.TenantScoped;
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
    private final CurrentCaller caller;

    public DeliveryApi(DeliveryLog log, CurrentCaller caller) {
        this.log = log;
        this.caller = caller;
    }

    @RegisterForReflection
    public record DeliveriesQuery(String tenant, String endpointId, String status, Integer limit) implements TenantScoped {
    }

    @RegisterForReflection
    public record DeliveryRequest(String tenant, String deliveryId) implements TenantScoped {
    }

    @Funq
    @Guard(Door.DELIVERIES)
    public List<Delivery> deliveries(DeliveriesQuery q) {
        return log.list(caller.tenant(), q.endpointId(), q.status(), q.limit());
    }

    @Funq
    @Guard(Door.DELIVERY)
    public DeliveryLog.DeliveryDetail delivery(DeliveryRequest r) {
        return log.detail(caller.tenant(), r.deliveryId());
    }

    @Funq
    @Guard(Door.REPLAY_DELIVERY)
    public DeliveryLog.DeliveryDetail replayDelivery(DeliveryRequest r) {
        Caller c = caller.get();
        return log.replay(c.tenant(), c.actor(), r.deliveryId());
    }
}
