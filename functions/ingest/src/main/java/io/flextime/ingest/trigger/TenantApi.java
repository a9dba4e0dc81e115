package io.flextime.ingest.trigger;

import io.flextime.core.audit.AuditTrail;
import io.flextime.core.security.Caller;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.KnownTenants;
import io.flextime.core.store.TenantDb;
import io.flextime.core.store.Tenants;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * HTTP (platform operators): registers a tenant, so that tokens naming it are accepted. The record of
 * the registration goes into the new tenant's trail, in the same transaction.
 */
@ApplicationScoped
public class TenantApi {
    private final TenantDb db;
    private final KnownTenants tenants;
    private final AuditTrail audit;
    private final CurrentCaller caller;

    public TenantApi(TenantDb db, KnownTenants tenants, AuditTrail audit, CurrentCaller caller) {
        this.db = db;
        this.tenants = tenants;
        this.audit = audit;
        this.caller = caller;
    }

    @RegisterForReflection
    public record TenantRegistration(String id, String name) {
    }

    @RegisterForReflection
    public record Registered(String id, boolean created) {
    }

    @Funq
    @Guard(Door.REGISTER_TENANT)
    public Registered registerTenant(TenantRegistration r) {
        Caller c = caller.get();
        String id = Tenants.require(r == null ? null : r.id());
        boolean created = db.inTenantBlocking(id, conn -> tenants.register(conn, id, r.name(), c.actor().subject())
                .call(isNew -> isNew ? audit.record(conn, id, c.actor(), AuditTrail.OK, "tenant", id)
                        : io.smallrye.mutiny.Uni.createFrom().voidItem()));
        return new Registered(id, created);
    }
}
