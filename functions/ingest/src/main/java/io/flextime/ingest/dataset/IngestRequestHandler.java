package io.flextime.ingest.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.audit.Actor;
import io.flextime.core.messaging.ConsumerInbox;
import io.flextime.core.messaging.PermanentFailure;
import io.flextime.core.problem.ProblemException;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.data.IngestRequested;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One {@code ingest.requested} event → one ingest. A redelivered event is recognised by its id in the
 * consumer inbox and does nothing; a crash between the ingest and the inbox row is covered by the
 * ingest itself (same checksum → existing version, its event published once).
 */
@ApplicationScoped
public class IngestRequestHandler {
    public static final String CONSUMER = "ingest";
    private static final Logger LOG = Logger.getLogger(IngestRequestHandler.class);

    private final DatasetIngestor ingestor;
    private final ConsumerInbox inbox;
    private final ObjectMapper mapper;

    public IngestRequestHandler(DatasetIngestor ingestor, ConsumerInbox inbox, ObjectMapper mapper) {
        this.ingestor = ingestor;
        this.inbox = inbox;
        this.mapper = mapper;
    }

    public void handle(CloudEvent event) {
        if (!EventType.INGEST_REQUESTED.type().equals(event.type())) {
            throw new PermanentFailure("not an ingest request: " + event.type());
        }
        IngestRequested request = event.dataAs(IngestRequested.class, mapper);
        if (!event.tenant().equals(request.tenant())) {
            throw new PermanentFailure("event tenant " + event.tenant() + " differs from data tenant " + request.tenant());
        }
        if (inbox.recorded(event.tenant(), CONSUMER, event.id()).await().atMost(Duration.ofMinutes(1)).isPresent()) {
            LOG.debugf("ingest request %s already handled", event.id());
            return;
        }
        String season = UploadKeys.parse(request.key()).map(UploadKeys.Parsed::season).orElse(null);
        IngestOutcome outcome;
        try {
            outcome = ingestor.ingest(new IngestCommand(request.tenant(), request.bucket(), request.key(),
                    request.format(), season, request.requestedBy(), event.correlationid(), Actor.event(event)));
        } catch (ProblemException e) {
            if (e.problem().status() == 403) {
                throw new PermanentFailure("ingest request " + event.id() + " refused: " + e.problem().detail());
            }
            throw e;
        }
        LOG.infof("ingest request %s for s3://%s/%s: %s", event.id(), request.bucket(), request.key(), outcome.status());
        inbox.handleOnce(CONSUMER, event, conn -> Uni.createFrom().item(List.<CloudEvent>of()))
                .await().atMost(Duration.ofMinutes(1));
    }
}
