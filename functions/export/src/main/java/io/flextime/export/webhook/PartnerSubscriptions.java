package io.flextime.export.webhook;

import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.TenantDb;
import io.flextime.export.ExportConfig;
import io.flextime.export.store.WebhookEndpoints;
import io.flextime.export.store.WebhookEndpoints.Endpoint;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Partner subscriptions: register an endpoint (URL checked, at most {@code max-endpoints-per-tenant},
 * secret issued), list, rotate the secret, enable/disable; each change with its audit record.
 */
@ApplicationScoped
public class PartnerSubscriptions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantDb db;
    private final WebhookEndpoints endpoints;
    private final PartnerUrlPolicy urls;
    private final Duration grace;
    private final int maxEndpoints;
    private final AuditTrail audit;

    public PartnerSubscriptions(TenantDb db, WebhookEndpoints endpoints, PartnerUrlPolicy urls, ExportConfig config,
            AuditTrail audit) {
        this.db = db;
        this.endpoints = endpoints;
        this.urls = urls;
        this.grace = config.webhooks().secretGrace();
        this.maxEndpoints = config.webhooks().maxEndpointsPerTenant();
        this.audit = audit;
    }

    /** An endpoint with its current secret: the secret is shown only when it is issued. */
    @RegisterForReflection
    public record IssuedSecret(Endpoint endpoint, String secret, Instant previousSecretExpiresAt) {
    }

    public IssuedSecret subscribe(String tenant, Actor actor, String url, List<String> eventTypes, List<String> seasons,
            String description) {
        urls.require(url);
        String id = "ep_" + HexFormat.of().formatHex(randomBytes(12));
        String secret = WebhookSignature.newSecret();
        Endpoint e = new Endpoint(id, tenant, url.trim(), description, eventTypes == null ? List.of() : eventTypes,
                seasons == null ? List.of() : seasons, true, null, Instant.now());
        Endpoint stored = db.inTenantBlocking(tenant, conn -> endpoints.count(conn).chain(n -> {
            if (n >= maxEndpoints) {
                return Uni.createFrom().failure(new ProblemException(Problem.of(409, "too-many-endpoints", "Conflict",
                        "A tenant may have at most " + maxEndpoints + " webhook endpoints; remove or reuse one")));
            }
            return endpoints.insert(conn, e, secret)
                    .call(() -> audit.record(conn, tenant, actor, AuditTrail.OK, "endpointId", id, "url", e.url()));
        }));
        return new IssuedSecret(stored, secret, null);
    }

    public List<Endpoint> list(String tenant) {
        return db.inTenantBlocking(tenant, endpoints::all);
    }

    /** Issues a new secret; the old one keeps signing (both signatures are sent) for the grace period. */
    public IssuedSecret rotateSecret(String tenant, Actor actor, String endpointId) {
        String secret = WebhookSignature.newSecret();
        Instant oldExpires = Instant.now().plus(grace);
        Endpoint e = db.inTenantBlocking(tenant, conn -> endpoints.find(conn, endpointId)
                .map(found -> found.orElseThrow(() -> notFound(endpointId)))
                .call(found -> endpoints.rotate(conn, endpointId, tenant, secret, oldExpires))
                .call(found -> audit.record(conn, tenant, actor, AuditTrail.OK, "endpointId", endpointId,
                        "previousSecretExpiresAt", oldExpires)));
        return new IssuedSecret(e, secret, oldExpires);
    }

    public Endpoint setEnabled(String tenant, Actor actor, String endpointId, boolean enabled) {
        return db.inTenantBlocking(tenant, conn -> endpoints.find(conn, endpointId)
                .map(found -> found.orElseThrow(() -> notFound(endpointId)))
                .call(found -> endpoints.setEnabled(conn, endpointId, enabled, "disabled by the tenant"))
                .call(found -> audit.record(conn, tenant, actor, AuditTrail.OK, "endpointId", endpointId, "enabled", enabled))
                .chain(found -> endpoints.find(conn, endpointId)).map(o -> o.orElseThrow()));
    }

    static ProblemException notFound(String endpointId) {
        return new ProblemException(Problem.notFound("No webhook endpoint " + endpointId));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
