package io.flextime.core.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.security.Refusals;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Turns every failed HTTP invocation into RFC 9457 problem JSON: a {@link ProblemException} keeps its
 * status and locations, an unreadable body becomes a 400, anything else a 500 without internals (the
 * stack trace goes to the log, never to the caller).
 */
@ApplicationScoped
public class ProblemResponder {
    private static final Logger LOG = Logger.getLogger(ProblemResponder.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper mapper;
    private final Refusals refusals;

    public ProblemResponder(ObjectMapper mapper, Refusals refusals) {
        this.mapper = mapper;
        this.refusals = refusals;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::respond);
    }

    void respond(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Problem problem = toProblem(ctx.failure(), ctx.statusCode()).withInstance(ctx.request().path());
        if (problem.status() == 401) {
            // RFC 6750: the scheme the caller must use.
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"flextime\"");
            if (isAuthenticationFailure(ctx.failure())) {
                refusals.invalidToken(ctx);
            }
        }
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", PROBLEM_JSON)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return true;
            }
        }
        return false;
    }

    static Problem toProblem(Throwable failure, int status) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p.problem();
            }
            if (t instanceof AuthenticationFailedException || t instanceof UnauthorizedException) {
                return Problem.of(401, "invalid-token", "Unauthorized",
                        "The bearer token is not valid (signature, issuer, audience or expiry)");
            }
            if (t instanceof ForbiddenException) {
                return Problem.of(403, "forbidden", "Forbidden", "Not allowed");
            }
            if (t instanceof IllegalArgumentException) {
                return Problem.badRequest("invalid-argument", t.getMessage());
            }
        }
        if (failure == null) {
            return switch (status) {
                case 401 -> Problem.of(401, "unauthenticated", "Unauthorized", "A bearer token is required");
                case 400 -> Problem.badRequest("malformed-body",
                        "The request body is not valid JSON for this function's input");
                case 404 -> Problem.notFound("No such function");
                case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "Use POST (or GET with query parameters)");
                default -> Problem.of(status > 0 ? status : 500, "http-" + status, "Request failed", null);
            };
        }
        LOG.error("Unhandled failure", failure);
        return Problem.of(500, "internal-error", "Internal error",
                "The request could not be completed; it has been logged. Retry later or contact the operators.");
    }
}
