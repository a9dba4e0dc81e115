package io.flextime.core.security;

import io.flextime.core.audit.Actor;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcInvocationContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Enforces the {@link Door} table on every {@code @Funq} invocation, before the door's code runs.
 *
 * <p>Over HTTP: the bearer token (verified by SmallRye JWT: signature against the trusted JWKS,
 * issuer, audience, expiry) must name a known tenant (401 otherwise), carry one of the door's roles
 * (403), be the platform tenant's for a platform door (403), and a body naming a tenant must name the
 * token's (403). Every refusal is written to the audit trail. Invoked by AWS directly (the Lambda events
 * build has no HTTP request): only {@link Door.Trigger#EVENT} doors run, their tenant is in the event;
 * an HTTP door reached that way is refused, so a wrong {@code QUARKUS_FUNQY_EXPORT} opens nothing.
 */
@Guard
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class DoorGuard {
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final String CORRELATION_HEADER = "X-Correlation-Id";

    @Inject
    CurrentVertxRequest http;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    CurrentCaller current;
    @Inject
    KnownTenants tenants;
    @Inject
    Refusals refusals;
    @Inject
    FlexTimeConfig config;

    @AroundInvoke
    Object guard(InvocationContext ctx) throws Exception {
        Guard guard = ArcInvocationContext.findIterceptorBinding(ctx, Guard.class);
        if (guard == null || guard.value().length != 1) {
            throw new IllegalStateException("@Guard on " + ctx.getMethod() + " must name exactly one Door");
        }
        Door door = guard.value()[0];
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            RoutingContext request = activated ? null : http.getCurrent();
            current.set(request == null ? direct(door) : verified(door, request, ctx.getParameters()));
            if (guard.accepted() && request != null) {
                answerAccepted(request);
            }
            return ctx.proceed();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /** AWS invoked the Lambda (S3, MSK, EventBridge): IAM decided who may; the event names the tenant. */
    private Caller direct(Door door) {
        if (door.trigger() != Door.Trigger.EVENT) {
            throw new ProblemException(Problem.of(403, "http-only-door", "Forbidden",
                    door.door() + " is served over HTTP only"));
        }
        return new Caller(null, Actor.aws(door.door(), null));
    }

    private Caller verified(Door door, RoutingContext request, Object[] parameters) {
        String correlationId = correlationId(request);
        String platform = config.security().platformTenant();
        SecurityIdentity identity;
        try {
            identity = identities.getIdentity();
        } catch (AuthenticationFailedException e) {
            throw refuse(platform, anonymous(door, correlationId), 401, "invalid-token",
                    "The bearer token is not valid (signature, issuer, audience or expiry)", null);
        }
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw refuse(platform, anonymous(door, correlationId), 401, "unauthenticated",
                    "This door needs a bearer token (Authorization: Bearer <JWT>)", null);
        }
        List<String> roles = identity.getRoles().stream().filter(r -> Role.fromClaim(r).isPresent()).sorted().toList();
        String subject = Objects.requireNonNullElse(jwt.getSubject(), jwt.getName());
        String tenant = text(jwt.getClaim(config.security().tenantClaim()));
        Actor actor = new Actor(subject == null ? "unknown" : subject, roles, "http", door.door(), correlationId);
        if (!Boolean.TRUE.equals(tenants.isKnown(tenant).await().atMost(Duration.ofSeconds(30)))) {
            throw refuse(platform, actor, 401, "unknown-tenant",
                    "The token names no tenant FlexTime serves (claim '" + config.security().tenantClaim() + "')", tenant);
        }
        if (roles.stream().map(r -> Role.fromClaim(r).orElseThrow()).noneMatch(door.roles()::contains)) {
            throw refuse(tenant, actor, 403, "forbidden-role", door.door() + " needs one of the roles "
                    + door.roles().stream().map(Role::claim).sorted().toList(), null);
        }
        if (door.scope() == Door.Scope.PLATFORM && !tenant.equals(platform)) {
            throw refuse(tenant, actor, 403, "platform-door", door.door()
                    + " acts on every tenant's data: it needs an operator token of the platform tenant", null);
        }
        if (door.scope() == Door.Scope.TENANT) {
            for (Object p : parameters) {
                if (p instanceof TenantScoped scoped && scoped.tenant() != null && !scoped.tenant().equals(tenant)) {
                    throw refuse(tenant, actor, 403, "tenant-mismatch",
                            "The request names another tenant than the token's", scoped.tenant());
                }
            }
        }
        return new Caller(tenant, actor);
    }

    /**
     * Funqy sets 200 on every answer with a body after the method returned; the status is changed as the
     * headers go out, and only a success becomes 202 (a refusal or failure keeps its own status).
     */
    private static void answerAccepted(RoutingContext request) {
        request.addHeadersEndHandler(v -> {
            if (request.response().getStatusCode() == 200) {
                request.response().setStatusCode(202);
            }
        });
    }

    private ProblemException refuse(String trailTenant, Actor actor, int status, String code, String detail,
            String requestedTenant) {
        return refusals.refuse(trailTenant, actor, status, code, detail, "requestedTenant", requestedTenant);
    }

    private static String text(Object claim) {
        return claim instanceof jakarta.json.JsonString s ? s.getString() : claim instanceof String s ? s : null;
    }

    private static Actor anonymous(Door door, String correlationId) {
        return new Actor("anonymous", List.of(), "http", door.door(), correlationId);
    }

    static String correlationId(RoutingContext request) {
        String given = request.request().getHeader(CORRELATION_HEADER);
        return given != null && CORRELATION_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
