package io.flextime.core.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.lifecycle.ShutdownSignal;
import io.flextime.core.metrics.FunctionMetrics;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.trigger.MskEvent;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventSchemas;
import io.flextime.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The one way a function consumes events, whatever carries them (Reactive Messaging locally, an MSK
 * event on Lambda): parse and schema-check the envelope, run the handler with retries (exponential
 * backoff with jitter), and after the last attempt put the record on the consumer's DLQ with the
 * reason in headers. Bad envelopes and {@link PermanentFailure}s skip the retries.
 * <p>
 * A record whose handling fails while the process is shutting down is neither retried nor
 * dead-lettered, and not acknowledged: its offset is not committed, so the next consumer of the
 * partition gets it again (its failure is most likely the clients closing under it).
 */
@ApplicationScoped
public class InboundEvents {
    public static final String MDC_CORRELATION = "correlationid";
    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final ObjectMapper mapper;
    private final EventPublisher publisher;
    private final ShutdownSignal shutdown;
    private final FunctionMetrics metrics;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final EventSchemas schemas = EventSchemas.shared();

    public InboundEvents(ObjectMapper mapper, EventPublisher publisher, FlexTimeConfig config, ShutdownSignal shutdown,
            FunctionMetrics metrics) {
        this.mapper = mapper;
        this.publisher = publisher;
        this.shutdown = shutdown;
        this.metrics = metrics;
        this.maxAttempts = Math.max(1, config.consumer().maxAttempts());
        this.initialBackoff = config.consumer().initialBackoff();
        this.maxBackoff = config.consumer().maxBackoff();
    }

    /** Where a record came from, for DLQ headers and logs. */
    public record Origin(String topic, int partition, long offset, String key) {
    }

    /** What became of a record. */
    public enum Outcome {
        /** The handler succeeded. */
        HANDLED,
        /** On the consumer's DLQ after its last attempt (or at once: bad envelope, permanent failure). */
        DEAD_LETTERED,
        /** Failed while the process was shutting down: left for redelivery. */
        LEFT_FOR_REDELIVERY
    }

    /**
     * Reactive Messaging adapter: acknowledges a record once it is handled or dead-lettered; one caught
     * by a shutdown stays unacknowledged.
     */
    public Uni<Void> consume(String consumer, Message<String> message, Function<CloudEvent, Uni<?>> handler) {
        Origin origin = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> new Origin(m.getTopic(), m.getPartition(), m.getOffset(), String.valueOf(m.getKey())))
                .orElse(new Origin("unknown", -1, -1, null));
        return handle(consumer, message.getPayload(), origin, handler)
                .chain(outcome -> outcome == Outcome.LEFT_FOR_REDELIVERY ? Uni.createFrom().voidItem()
                        : Uni.createFrom().completionStage(message.ack()));
    }

    /**
     * Lambda (MSK event source) adapter: every record of the batch, in order. A record left for
     * redelivery fails the invocation, so the event source mapping delivers the batch again.
     */
    public void consumeBlocking(String consumer, MskEvent event, Function<CloudEvent, Uni<?>> handler) {
        for (MskEvent.Record r : event.allRecords()) {
            Outcome outcome = handle(consumer, r.decodedValue(),
                    new Origin(r.getTopic(), r.getPartition(), r.getOffset(), r.decodedKey()), handler)
                    .await().atMost(Duration.ofMinutes(15));
            if (outcome == Outcome.LEFT_FOR_REDELIVERY) {
                throw new IllegalStateException("shutting down: record " + r.getTopic() + "/" + r.getPartition() + "@"
                        + r.getOffset() + " left for redelivery");
            }
        }
    }

    /** Wraps blocking domain code so it runs on a worker thread with the event's correlation id in the MDC. */
    public static Function<CloudEvent, Uni<?>> blocking(Consumer<CloudEvent> work) {
        return event -> Uni.createFrom().item(() -> {
            withCorrelation(event, () -> work.accept(event));
            return event;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public static void withCorrelation(CloudEvent event, Runnable work) {
        Object previous = MDC.get(MDC_CORRELATION);
        MDC.put(MDC_CORRELATION, event.correlationid());
        try {
            work.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_CORRELATION);
            } else {
                MDC.put(MDC_CORRELATION, previous);
            }
        }
    }

    /** Parses, validates and handles one record value; completes (never fails) with what became of it. */
    public Uni<Outcome> handle(String consumer, String value, Origin origin, Function<CloudEvent, Uni<?>> handler) {
        long start = System.nanoTime();
        String[] type = {"unparsable"};
        return handleTimed(consumer, value, origin, handler, type).invoke(outcome -> metrics.eventHandled(consumer, type[0],
                outcome.name().toLowerCase(java.util.Locale.ROOT), Duration.ofNanos(System.nanoTime() - start)));
    }

    private Uni<Outcome> handleTimed(String consumer, String value, Origin origin, Function<CloudEvent, Uni<?>> handler,
            String[] type) {
        CloudEvent event;
        try {
            event = parse(value);
        } catch (RuntimeException e) {
            return deadLetter(consumer, value, origin, e, 0);
        }
        type[0] = event.type();
        CloudEvent input = event;
        int[] attempts = {0};
        return Uni.createFrom().deferred(() -> {
                    attempts[0]++;
                    return handler.apply(input);
                })
                .onFailure(e -> isTransient(e) && !shutdown.stopping())
                .retry().withBackOff(initialBackoff, maxBackoff).withJitter(0.3).atMost(maxAttempts - 1L)
                .replaceWith(Outcome.HANDLED)
                .onFailure().recoverWithUni(e -> {
                    if (isTransient(e) && shutdown.stopping()) {
                        LOG.warnf("%s: %s %s failed during shutdown (%s); left unacknowledged for redelivery "
                                + "[correlationid=%s]", consumer, input.type(), input.id(), rootMessage(e), input.correlationid());
                        return Uni.createFrom().item(Outcome.LEFT_FOR_REDELIVERY);
                    }
                    LOG.errorf(e, "%s: %s %s failed after %d attempt(s) [correlationid=%s]", consumer, input.type(),
                            input.id(), attempts[0], input.correlationid());
                    return deadLetter(consumer, value, origin, e, attempts[0]);
                });
    }

    CloudEvent parse(String value) {
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (Exception e) {
            throw new PermanentFailure("record value is not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new PermanentFailure("record value is not a JSON object (structured CloudEvent expected)");
        }
        try {
            schemas.requireValid(node);
            return mapper.treeToValue(node, CloudEvent.class);
        } catch (Exception e) {
            throw new PermanentFailure("invalid CloudEvent: " + e.getMessage(), e);
        }
    }

    static boolean isTransient(Throwable t) {
        return !(t instanceof PermanentFailure || t instanceof ProblemException);
    }

    private Uni<Outcome> deadLetter(String consumer, String value, Origin origin, Throwable reason, int attempts) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "dead-letter-reason", String.valueOf(rootMessage(reason)));
        header(headers, "dead-letter-cause", reason.getClass().getName());
        header(headers, "dead-letter-topic", origin.topic());
        header(headers, "dead-letter-partition", Integer.toString(origin.partition()));
        header(headers, "dead-letter-offset", Long.toString(origin.offset()));
        header(headers, "flextime-consumer", consumer);
        header(headers, "flextime-attempts", Integer.toString(attempts));
        String dlq = Topics.dlq(consumer);
        LOG.warnf("%s: dead-lettering record %s/%d@%d to %s: %s", consumer, origin.topic(), origin.partition(),
                origin.offset(), dlq, rootMessage(reason));
        return publisher.sendRaw(dlq, origin.key(), value == null ? "" : value, headers)
                .onFailure().invoke(e -> LOG.errorf(e, "could not write to DLQ %s", dlq))
                .replaceWith(Outcome.DEAD_LETTERED);
    }

    private static String rootMessage(Throwable t) {
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
