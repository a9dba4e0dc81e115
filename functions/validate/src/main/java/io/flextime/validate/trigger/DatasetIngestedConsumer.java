package io.flextime.validate.trigger;

import io.flextime.core.messaging.InboundEvents;
import io.flextime.core.security.Door;
import io.flextime.core.security.Guard;
import io.flextime.core.trigger.MskEvent;
import io.flextime.validate.version.VersionValidator;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** dataset.ingested → validate the version (Reactive Messaging locally, an MSK event on Lambda). */
@ApplicationScoped
public class DatasetIngestedConsumer {
    private final InboundEvents inbound;
    private final VersionValidator validator;

    public DatasetIngestedConsumer(InboundEvents inbound, VersionValidator validator) {
        this.inbound = inbound;
        this.validator = validator;
    }

    @Incoming("dataset-ingested")
    public Uni<Void> onDatasetIngested(Message<String> message) {
        return inbound.consume(VersionValidator.CONSUMER, message, InboundEvents.blocking(validator::onIngested));
    }

    @Funq
    @Guard(Door.DATASET_INGESTED)
    public void datasetIngested(MskEvent event) {
        inbound.consumeBlocking(VersionValidator.CONSUMER, event, InboundEvents.blocking(validator::onIngested));
    }
}
