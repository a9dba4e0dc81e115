package io.flextime.core.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.store.Tenants;
import io.flextime.events.DeadLetterHeaders;
import io.flextime.events.Topics;
import io.flextime.events.data.PipelineAlert;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Puts a record a consumer gave up on into the consumer's {@code <function>.dlq}: same key, same value,
 * its original headers, and the {@link DeadLetterHeaders} that say why and where from; then tells the
 * run (a {@code pipeline.alert} with outcome {@value #OUTCOME}, which the run's status shows as the
 * consumer's stage failing with that reason). {@code ./flextime dlq replay} sends it back.
 */
@ApplicationScoped
public class DeadLetterQueue {
    /** The alert outcome of a dead-lettered event. */
    public static final String OUTCOME = "DEAD_LETTERED";
    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);

    private final EventPublisher publisher;
    private final ObjectMapper mapper;

    public DeadLetterQueue(EventPublisher publisher, ObjectMapper mapper) {
        this.publisher = publisher;
        this.mapper = mapper;
    }

    /** Writes the dead letter; completes with false (and logs) when the write failed, so the caller keeps the record. */
    public Uni<Boolean> put(String consumer, String value, InboundEvents.Origin origin, Throwable reason, int attempts) {
        String dlq = Topics.dlq(consumer);
        RecordHeaders headers = new RecordHeaders();
        for (Header h : origin.headers()) {
            if (!DeadLetterHeaders.isDeadLetterHeader(h.key()) && !Topics.CONTENT_TYPE_HEADER.equals(h.key())) {
                headers.add(h.key(), h.value());
            }
        }
        Throwable cause = reason.getCause();
        header(headers, DeadLetterHeaders.REASON, rootMessage(reason));
        header(headers, DeadLetterHeaders.EXCEPTION_CLASS_NAME, reason.getClass().getName());
        if (cause != null) {
            header(headers, DeadLetterHeaders.CAUSE, String.valueOf(cause.getMessage()));
            header(headers, DeadLetterHeaders.CAUSE_CLASS_NAME, cause.getClass().getName());
        }
        header(headers, DeadLetterHeaders.TOPIC, origin.topic());
        header(headers, DeadLetterHeaders.PARTITION, Integer.toString(origin.partition()));
        header(headers, DeadLetterHeaders.OFFSET, Long.toString(origin.offset()));
        header(headers, DeadLetterHeaders.CONSUMER, consumer);
        header(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        LOG.warnf("%s: dead-lettering record %s/%d@%d to %s after %d attempt(s): %s", consumer, origin.topic(),
                origin.partition(), origin.offset(), dlq, attempts, rootMessage(reason));
        return publisher.sendRaw(dlq, origin.key(), value == null ? "" : value, headers)
                .replaceWith(true)
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf(e, "%s: could not write record %s/%d@%d to %s; it stays unacknowledged", consumer,
                            origin.topic(), origin.partition(), origin.offset(), dlq);
                    return false;
                })
                .call(written -> written ? tellTheRun(consumer, dlq, value, reason, attempts) : Uni.createFrom().voidItem());
    }

    /** Best effort: the dead letter is safe in Kafka already; the alert makes it visible in the run's status. */
    private Uni<Void> tellTheRun(String consumer, String dlq, String value, Throwable reason, int attempts) {
        JsonNode event;
        try {
            event = value == null ? null : mapper.readTree(value);
        } catch (Exception e) {
            event = null;
        }
        String tenant = event == null ? null : event.path("tenant").asText(null);
        String run = event == null ? null : event.path("correlationid").asText(null);
        if (!Tenants.isValid(tenant) || run == null || run.isBlank()) {
            return Uni.createFrom().voidItem(); // no run to tell: the DLQ listing is where it shows
        }
        String what = event.path("type").asText("record") + " " + event.path("id").asText("");
        String message = what.trim() + " dead-lettered to " + dlq + " after " + attempts + " attempt(s): " + rootMessage(reason)
                + " (./flextime dlq show " + dlq + "; replay once fixed)";
        return publisher.raise(tenant, run, new PipelineAlert(PipelineAlert.ERROR, consumer, OUTCOME, message, run))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("%s: could not raise the dead-letter alert of run %s: %s", consumer, run, e.getMessage());
                    return null;
                });
    }

    static String rootMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t.getCause(); c != null && message == null; c = c.getCause()) {
            message = c.getMessage();
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }

    private static void header(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
