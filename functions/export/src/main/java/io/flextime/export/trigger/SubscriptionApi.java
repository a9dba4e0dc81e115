package io.flextime.export.trigger;

import io.flextime.core.store.Tenants;
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

    public SubscriptionApi(PartnerSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @RegisterForReflection
    public record SubscribeRequest(String tenant, String url, List<String> eventTypes, List<String> seasons, String description) {
    }

    @RegisterForReflection
    public record EndpointRequest(String tenant, String endpointId, Boolean enabled) {
    }

    @RegisterForReflection
    public record TenantRequest(String tenant) {
    }

    @Funq
    public PartnerSubscriptions.IssuedSecret subscribe(SubscribeRequest r) {
        return subscriptions.subscribe(Tenants.require(r.tenant()), r.url(), r.eventTypes(), r.seasons(), r.description());
    }

    @Funq
    public List<Endpoint> subscriptions(TenantRequest r) {
        return subscriptions.list(Tenants.require(r.tenant()));
    }

    @Funq
    public PartnerSubscriptions.IssuedSecret rotateSecret(EndpointRequest r) {
        return subscriptions.rotateSecret(Tenants.require(r.tenant()), r.endpointId());
    }

    @Funq
    public Endpoint setSubscriptionEnabled(EndpointRequest r) {
        return subscriptions.setEnabled(Tenants.require(r.tenant()), r.endpointId(), r.enabled() == null || r.enabled());
    }
}
