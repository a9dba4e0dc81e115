package io.flextime.ingest.trigger;

import io.flextime.core.messaging.InboundEvents;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.trigger.MskEvent;
import io.flextime.ingest.dataset.IngestRequestHandler;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Kafka {@code ingest.requested.v1}: Reactive Messaging locally, the MSK event shape on Lambda. */
public class IngestRequestedTrigger {
    private final InboundEvents inbound;
    private final IngestRequestHandler handler;

    public IngestRequestedTrigger(InboundEvents inbound, IngestRequestHandler handler) {
        this.inbound = inbound;
        this.handler = handler;
    }

    @Incoming("ingest-requested")
    public Uni<Void> onIngestRequested(Message<String> message) {
        return inbound.consume(IngestRequestHandler.CONSUMER, message, InboundEvents.blocking(handler::handle));
    }

    @Funq
    @Guard(Door.INGEST_REQUESTED)
    public void ingestRequested(MskEvent event) {
        inbound.consumeBlocking(IngestRequestHandler.CONSUMER, event, InboundEvents.blocking(handler::handle));
    }
}
