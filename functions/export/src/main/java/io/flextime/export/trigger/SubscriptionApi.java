package io.flextime.export.trigger;

import io.flextime.core.security.Caller;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.TenantScoped;
import io.flextime.export.store.WebhookEndpoints.Endpoint;
import io.flextime.export.webhook.PartnerSubscriptions;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** HTTP: partner webhook subscriptions (URL, event filter, secret rotation, enable/disable). */
@ApplicationScoped
public class SubscriptionApi {
    private final PartnerSubscriptions subscriptions;
    private final CurrentCaller caller;

    public SubscriptionApi(PartnerSubscriptions subscriptions, CurrentCaller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @RegisterForReflection
    public record SubscribeRequest(String tenant, String url, List<String> eventTypes, List<String> seasons, String description)
            implements TenantScoped {
    }

    @RegisterForReflection
    public record EndpointRequest(String tenant, String endpointId, Boolean enabled) implements TenantScoped {
    }

    @RegisterForReflection
    public record TenantRequest(String tenant) implements TenantScoped {
    }

    @Funq
    @Guard(Door.SUBSCRIBE)
    public PartnerSubscriptions.IssuedSecret subscribe(SubscribeRequest r) {
        Caller c = caller.get();
        return subscriptions.subscribe(c.tenant(), c.actor(), r.url(), r.eventTypes(), r.seasons(), r.description());
    }

    @Funq
    @Guard(Door.SUBSCRIPTIONS)
    public List<Endpoint> subscriptions(TenantRequest r) {
        return subscriptions.list(caller.tenant());
    }

    @Funq
    @Guard(Door.ROTATE_SECRET)
    public PartnerSubscriptions.IssuedSecret rotateSecret(EndpointRequest r) {
        Caller c = caller.get();
        return subscriptions.rotateSecret(c.tenant(), c.actor(), r.endpointId());
    }

    @Funq
    @Guard(Door.SET_SUBSCRIPTION_ENABLED)
    public Endpoint setSubscriptionEnabled(EndpointRequest r) {
        Caller c = caller.get();
        return subscriptions.setEnabled(c.tenant(), c.actor(), r.endpointId(), r.enabled() == null || r.enabled());
    }
}
