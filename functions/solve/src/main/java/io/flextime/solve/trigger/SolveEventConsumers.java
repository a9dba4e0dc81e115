package io.flextime.solve.trigger;

import io.flextime.core.messaging.InboundEvents;
import io.flextime.solve.job.SolveEventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Kafka doors of solve. The handler only records the job and hands it to the solver pool, so a record
 * is acknowledged within moments however long the search takes.
 */
@ApplicationScoped
public class SolveEventConsumers {
    private final InboundEvents inbound;
    private final SolveEventHandler handler;

    public SolveEventConsumers(InboundEvents inbound, SolveEventHandler handler) {
        this.inbound = inbound;
        this.handler = handler;
    }

    @Incoming("dataset-validated")
    public Uni<Void> onDatasetValidated(Message<String> message) {
        return inbound.consume(SolveEventHandler.CONSUMER, message, InboundEvents.blocking(e -> handler.handle(e, false)));
    }

    @Incoming("solve-requested")
    public Uni<Void> onSolveRequested(Message<String> message) {
        return inbound.consume(SolveEventHandler.CONSUMER, message, InboundEvents.blocking(e -> handler.handle(e, false)));
    }
}
