package io.flextime.export.trigger;

import io.flextime.core.audit.AuditTrail;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.security.CurrentCaller;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.trigger.ScheduledEvent;
import io.flextime.export.webhook.WebhookDispatcher;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * EventBridge, every minute: deliver the webhooks whose (re)try is due. Safe to fire twice or from
 * several places at once (claims are leased). Locally: {@code curl -XPOST localhost:8084/deliverDueWebhooks
 * -H 'content-type: application/json' -d '{"time":"2026-01-01T00:00:00Z"}'}.
 */
@ApplicationScoped
public class WebhookSweepTrigger {
    private static final Logger LOG = Logger.getLogger(WebhookSweepTrigger.class);

    private final WebhookDispatcher dispatcher;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final FlexTimeConfig config;

    public WebhookSweepTrigger(WebhookDispatcher dispatcher, CurrentCaller caller, AuditTrail audit, FlexTimeConfig config) {
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.audit = audit;
        this.config = config;
    }

    @Funq
    @Guard(Door.DELIVER_DUE_WEBHOOKS)
    public WebhookDispatcher.SweepReport deliverDueWebhooks(ScheduledEvent event) {
        WebhookDispatcher.SweepReport report = dispatcher.deliverDue();
        LOG.infof("webhook sweep fired at %s: %s", event == null ? "?" : event.firedAt(), report);
        audit.operation(config.security().platformTenant(), caller.get().actor(), AuditTrail.OK, "scheduledFor",
                event == null ? null : event.firedAt(), "attempted", report.attempted(), "delivered", report.delivered(),
                "deadLettered", report.deadLettered()).await().atMost(Duration.ofSeconds(30));
        return report;
    }
}
