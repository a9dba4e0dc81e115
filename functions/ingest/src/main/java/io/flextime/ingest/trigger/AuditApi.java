package io.flextime.ingest.trigger;

import io.flextime.core.audit.AuditTrail;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.security.TenantScoped;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * HTTP: the audit trail of the operator's tenant, newest first (ingest serves the pipeline-wide views).
 * {@code action} (a door or event type) and {@code since} (ISO instant) narrow it; at most 1000 rows.
 */
@ApplicationScoped
public class AuditApi {
    static final int MAX_LIMIT = 1000;

    private final AuditTrail audit;
    private final CurrentCaller caller;

    public AuditApi(AuditTrail audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @RegisterForReflection
    public record AuditQuery(String tenant, String action, String since, Integer limit) implements TenantScoped {
    }

    @Funq
    @Guard(Door.AUDIT_EVENTS)
    public Uni<List<AuditTrail.AuditRecord>> auditEvents(AuditQuery q) {
        int limit = q == null || q.limit() == null ? 100 : Math.max(1, Math.min(MAX_LIMIT, q.limit()));
        return audit.recent(caller.tenant(), q == null ? null : q.action(), since(q == null ? null : q.since()), limit);
    }

    private static Instant since(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.badRequest("invalid-since", "since '" + text + "' is not an ISO-8601 instant"));
        }
    }
}
