package io.flextime.core.security;

import io.flextime.core.audit.Actor;
import io.flextime.core.audit.AuditTrail;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A refused call: recorded in the audit trail (in a transaction of its own), logged, and turned into
 * the 401/403 problem the caller gets. The trail is the caller's tenant's; when the caller is not
 * authenticated (or names an unknown tenant) it is the platform tenant's, since an unverified tenant
 * claim must not write into a tenant's trail.
 */
@ApplicationScoped
public class Refusals {
    private static final Logger LOG = Logger.getLogger(Refusals.class);

    private final AuditTrail audit;
    private final FlexTimeConfig config;

    public Refusals(AuditTrail audit, FlexTimeConfig config) {
        this.audit = audit;
        this.config = config;
    }

    /** Records the refusal and returns the problem to throw; a failing audit write is logged, the call still refused. */
    public ProblemException refuse(String trailTenant, Actor actor, int status, String code, String detail, Object... target) {
        LOG.infof("refused %s (%d %s) for %s: %s", actor.action(), status, code, actor.subject(), detail);
        try {
            audit.refusal(trailTenant == null ? platformTenant() : trailTenant, actor, status, code + ": " + detail, target)
                    .await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record the refusal of %s in the audit trail", actor.action());
        }
        return new ProblemException(Problem.of(status, code, status == 401 ? "Unauthorized" : "Forbidden", detail));
    }

    public String platformTenant() {
        return config.security().platformTenant();
    }

    /**
     * A token refused by SmallRye JWT before any door ran (bad signature, issuer, audience, expired):
     * recorded when the path is one of this function's doors, without blocking the event loop.
     */
    public void invalidToken(RoutingContext ctx) {
        String path = ctx.request().path();
        String name = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        Door.find(config.function(), name).ifPresent(door -> {
            Actor actor = new Actor("anonymous", List.of(), "http", door.door(), DoorGuard.correlationId(ctx));
            audit.refusal(platformTenant(), actor, 401, "invalid-token: the bearer token is not valid (signature, issuer, "
                            + "audience or expiry)")
                    .subscribe().with(ok -> LOG.infof("refused %s: invalid token", door.door()),
                            e -> LOG.errorf(e, "could not record the refusal of %s in the audit trail", door.door()));
        });
    }
}
