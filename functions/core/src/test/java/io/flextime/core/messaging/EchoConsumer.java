package io.flextime.core.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer that exists only in the foundation tests: for each dataset.ingested it inserts one
 * dataset row (the observable effect) and emits one dataset.validated. Seasons starting with
 * "poison" always fail, to exercise retries and the DLQ; an event whose id is in {@link #REFUSED} fails
 * permanently until a test takes it out (a bug fixed, then the dead letter redriven).
 */
@ApplicationScoped
public class EchoConsumer {
    public static final String NAME = "coretest";
    /** Event ids refused for now. */
    public static final java.util.Set<String> REFUSED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final InboundEvents inbound;
    private final ConsumerInbox inbox;
    private final EventPublisher publisher;
    private final ObjectMapper mapper;

    public EchoConsumer(InboundEvents inbound, ConsumerInbox inbox, EventPublisher publisher, ObjectMapper mapper) {
        this.inbound = inbound;
        this.inbox = inbox;
        this.publisher = publisher;
        this.mapper = mapper;
    }

    @Incoming("coretest-in")
    public Uni<Void> onDatasetIngested(Message<String> message) {
        return inbound.consume(NAME, message, this::handle);
    }

    Uni<?> handle(CloudEvent event) {
        String season = event.data().path("season").asText();
        if (!event.tenant().startsWith("coretest")) {
            return Uni.createFrom().voidItem(); // events of other tests and runs: not ours
        }
        if (REFUSED.contains(event.id())) {
            return Uni.createFrom().failure(new PermanentFailure("refused until the fix: " + event.id()));
        }
        if (season.startsWith("poison")) {
            return Uni.createFrom().failure(new IllegalStateException("poison season " + season + " always fails"));
        }
        return inbox.handleOnce(NAME, event, conn -> conn
                .preparedQuery("INSERT INTO dataset (id, tenant, season) VALUES ($1, $2, $3)")
                .execute(Tuple.of(UUID.randomUUID(), event.tenant(), season + "-" + UUID.randomUUID()))
                .map(x -> {
                    ObjectNode data = mapper.createObjectNode();
                    data.put("versionId", event.subject());
                    data.put("reportId", UUID.randomUUID().toString());
                    data.put("score", 1.0);
                    data.put("warnings", 0);
                    data.put("reportKey", "reports/" + event.tenant() + "/" + event.subject() + "/validation.json");
                    data.put("autoSolve", false);
                    return List.of(publisher.create(EventType.DATASET_VALIDATED, event.subject(), event.tenant(),
                            event.correlationid(), null, data));
                }));
    }
}
