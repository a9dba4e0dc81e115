package io.flextime.export.trigger;

import io.flextime.core.trigger.ScheduledEvent;
import io.flextime.export.webhook.WebhookDispatcher;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
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

    public WebhookSweepTrigger(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Funq
    public WebhookDispatcher.SweepReport deliverDueWebhooks(ScheduledEvent event) {
        WebhookDispatcher.SweepReport report = dispatcher.deliverDue();
        LOG.infof("webhook sweep fired at %s: %s", event == null ? "?" : event.firedAt(), report);
        return report;
    }
}
