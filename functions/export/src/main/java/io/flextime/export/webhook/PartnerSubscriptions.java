package io.flextime.export.webhook;

import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.store.TenantDb;
import io.flextime.export.ExportConfig;
import io.flextime.export.store.WebhookEndpoints;
import io.flextime.export.store.WebhookEndpoints.Endpoint;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Partner subscriptions: register an endpoint (URL checked, secret issued), list, rotate the secret, enable/disable. */
@ApplicationScoped
public class PartnerSubscriptions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantDb db;
    private final WebhookEndpoints endpoints;
    private final PartnerUrlPolicy urls;
    private final Duration grace;

    public PartnerSubscriptions(TenantDb db, WebhookEndpoints endpoints, FlexTimeConfig flextime, ExportConfig config) {
        this.db = db;
        this.endpoints = endpoints;
        this.urls = new PartnerUrlPolicy(flextime.localMode());
        this.grace = config.webhooks().secretGrace();
    }

    /** An endpoint with its current secret: the secret is shown only when it is issued. */
    @RegisterForReflection
    public record IssuedSecret(Endpoint endpoint, String secret, Instant previousSecretExpiresAt) {
    }

    public IssuedSecret subscribe(String tenant, String url, List<String> eventTypes, List<String> seasons, String description) {
        urls.require(url);
        String id = "ep_" + HexFormat.of().formatHex(randomBytes(12));
        String secret = WebhookSignature.newSecret();
        Endpoint e = new Endpoint(id, tenant, url.trim(), description, eventTypes == null ? List.of() : eventTypes,
                seasons == null ? List.of() : seasons, true, null, Instant.now());
        return new IssuedSecret(db.inTenantBlocking(tenant, conn -> endpoints.insert(conn, e, secret)), secret, null);
    }

    public List<Endpoint> list(String tenant) {
        return db.inTenantBlocking(tenant, endpoints::all);
    }

    /** Issues a new secret; the old one keeps signing (both signatures are sent) for the grace period. */
    public IssuedSecret rotateSecret(String tenant, String endpointId) {
        String secret = WebhookSignature.newSecret();
        Instant oldExpires = Instant.now().plus(grace);
        Endpoint e = db.inTenantBlocking(tenant, conn -> endpoints.find(conn, endpointId)
                .map(found -> found.orElseThrow(() -> notFound(endpointId)))
                .call(found -> endpoints.rotate(conn, endpointId, tenant, secret, oldExpires)));
        return new IssuedSecret(e, secret, oldExpires);
    }

    public Endpoint setEnabled(String tenant, String endpointId, boolean enabled) {
        return db.inTenantBlocking(tenant, conn -> endpoints.find(conn, endpointId)
                .map(found -> found.orElseThrow(() -> notFound(endpointId)))
                .call(found -> endpoints.setEnabled(conn, endpointId, enabled, "disabled by the tenant"))
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
