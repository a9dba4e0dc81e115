package io.flextime.export.trigger;

import io.flextime.core.messaging.InboundEvents;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.trigger.MskEvent;
import io.flextime.export.publish.DraftReview;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * schedule.solved in: the new version is a draft and gets its review files (Kafka locally, an MSK event on
 * Lambda). Nothing partner-facing happens here: that is publishSchedule's.
 */
@ApplicationScoped
public class ScheduleSolvedTrigger {
    private final InboundEvents inbound;
    private final DraftReview review;

    public ScheduleSolvedTrigger(InboundEvents inbound, DraftReview review) {
        this.inbound = inbound;
        this.review = review;
    }

    @RegisterForReflection
    public record BatchReport(int records) {
    }

    @Incoming("schedule-solved")
    public Uni<Void> onScheduleSolved(Message<String> message) {
        return inbound.consume(DraftReview.CONSUMER, message, InboundEvents.blocking(review::review));
    }

    /** Lambda: the batch's drafts get their review files, in order. */
    @Funq("onScheduleSolved")
    @Guard(Door.ON_SCHEDULE_SOLVED)
    public BatchReport onScheduleSolvedBatch(MskEvent event) {
        inbound.consumeBlocking(DraftReview.CONSUMER, event, InboundEvents.blocking(review::review));
        return new BatchReport(event.getRecords().values().stream().mapToInt(java.util.List::size).sum());
    }
}
