package io.flextime.export.trigger;

import io.flextime.core.messaging.InboundEvents;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.trigger.MskEvent;
import io.flextime.export.publish.ScheduleExporter;
import io.flextime.export.webhook.FollowUpSweeps;
import io.flextime.export.webhook.WebhookDispatcher;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** schedule.solved in: publish the version (Kafka locally, an MSK event on Lambda), then deliver its webhooks. */
@ApplicationScoped
public class ScheduleSolvedTrigger {
    private final InboundEvents inbound;
    private final ScheduleExporter exporter;
    private final FollowUpSweeps followUps;
    private final WebhookDispatcher dispatcher;

    public ScheduleSolvedTrigger(InboundEvents inbound, ScheduleExporter exporter, FollowUpSweeps followUps,
            WebhookDispatcher dispatcher) {
        this.inbound = inbound;
        this.exporter = exporter;
        this.followUps = followUps;
        this.dispatcher = dispatcher;
    }

    @Incoming("schedule-solved")
    public Uni<Void> onScheduleSolved(Message<String> message) {
        return inbound.consume(ScheduleExporter.CONSUMER, message, InboundEvents.blocking(event -> {
            exporter.export(event);
            followUps.kick();
        }));
    }

    /** Lambda: the batch is published in order, then the first webhook attempts run before the invocation ends. */
    @Funq("onScheduleSolved")
    @Guard(Door.ON_SCHEDULE_SOLVED)
    public WebhookDispatcher.SweepReport onScheduleSolvedBatch(MskEvent event) {
        inbound.consumeBlocking(ScheduleExporter.CONSUMER, event, InboundEvents.blocking(exporter::export));
        return dispatcher.deliverDue();
    }
}
