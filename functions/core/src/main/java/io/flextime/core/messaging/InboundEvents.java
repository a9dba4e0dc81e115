package io.flextime.core.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.lifecycle.ShutdownSignal;
import io.flextime.core.metrics.FunctionMetrics;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.trigger.MskEvent;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventSchemas;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The one way a function consumes events, whatever carries them (Reactive Messaging locally, an MSK
 * event on Lambda): parse and schema-check the envelope, run the handler with the retries of
 * {@link ConsumerRetries} (a time budget; a pause while a dependency is not ready), and when they give up
 * put the record on the consumer's DLQ ({@link DeadLetterQueue}). Bad envelopes and
 * {@link PermanentFailure}s skip the retries.
 * <p>
 * A record is acknowledged only once it is handled or safely in the DLQ. It stays unacknowledged (its
 * offset is not committed, so the partition's next consumer gets it again) when its handling fails while
 * the process is shutting down, when the DLQ write fails, and, on Lambda, when a dependency is not
 * ready (the event source mapping redelivers the batch: Lambda's way of pausing).
 */
@ApplicationScoped
public class InboundEvents {
    public static final String MDC_CORRELATION = "correlationid";
    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final ObjectMapper mapper;
    private final ShutdownSignal shutdown;
    private final FunctionMetrics metrics;
    private final ConsumerRetries retries;
    private final DeadLetterQueue deadLetters;
    private final EventSchemas schemas = EventSchemas.shared();

    public InboundEvents(ObjectMapper mapper, ShutdownSignal shutdown, FunctionMetrics metrics, ConsumerRetries retries,
            DeadLetterQueue deadLetters) {
        this.mapper = mapper;
        this.shutdown = shutdown;
        this.metrics = metrics;
        this.retries = retries;
        this.deadLetters = deadLetters;
    }

    /** Where a record came from, for DLQ headers and logs; its headers travel to the DLQ with it. */
    public record Origin(String topic, int partition, long offset, String key, List<Header> headers) {
        public Origin {
            headers = headers == null ? List.of() : List.copyOf(headers);
        }
    }

    /** What became of a record. */
    public enum Outcome {
        /** The handler succeeded. */
        HANDLED,
        /** On the consumer's DLQ after its retry budget (or at once: bad envelope, permanent failure). */
        DEAD_LETTERED,
        /** Not acknowledged, for redelivery: shutting down, the DLQ write failed, or (Lambda) a dependency is down. */
        LEFT_FOR_REDELIVERY
    }

    /**
     * Reactive Messaging adapter: acknowledges a record once it is handled or dead-lettered; one left for
     * redelivery stays unacknowledged. While a dependency is not ready the record is held (the channel
     * processes one record at a time, so the consumer pauses) and tried again when it is back.
     */
    public Uni<Void> consume(String consumer, Message<String> message, Function<CloudEvent, Uni<?>> handler) {
        Origin origin = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> new Origin(m.getTopic(), m.getPartition(), m.getOffset(), String.valueOf(m.getKey()),
                        List.of(m.getHeaders().toArray())))
                .orElse(new Origin("unknown", -1, -1, null, List.of()));
        return handle(consumer, message.getPayload(), origin, handler, true)
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
                    new Origin(r.getTopic(), r.getPartition(), r.getOffset(), r.decodedKey(), r.kafkaHeaders()), handler, false)
                    .await().atMost(Duration.ofMinutes(15));
            if (outcome == Outcome.LEFT_FOR_REDELIVERY) {
                throw new IllegalStateException("record " + r.getTopic() + "/" + r.getPartition() + "@" + r.getOffset()
                        + " left for redelivery (shutting down, a dependency not ready, or the DLQ write failed)");
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

    /**
     * Parses, validates and handles one record value; completes (never fails) with what became of it.
     *
     * @param mayPause hold the record while a dependency is not ready (long-running consumer), or leave it
     *     for redelivery at once (Lambda)
     */
    public Uni<Outcome> handle(String consumer, String value, Origin origin, Function<CloudEvent, Uni<?>> handler,
            boolean mayPause) {
        long start = System.nanoTime();
        String[] type = {"unparsable"};
        return handleTimed(consumer, value, origin, handler, mayPause, type).invoke(outcome -> metrics.eventHandled(consumer,
                type[0], outcome.name().toLowerCase(java.util.Locale.ROOT), Duration.ofNanos(System.nanoTime() - start)));
    }

    private Uni<Outcome> handleTimed(String consumer, String value, Origin origin, Function<CloudEvent, Uni<?>> handler,
            boolean mayPause, String[] type) {
        CloudEvent event;
        try {
            event = parse(value);
        } catch (RuntimeException e) {
            return deadLetter(consumer, value, origin, e, 0);
        }
        type[0] = event.type();
        CloudEvent input = event;
        ConsumerRetries.Tries tries = retries.forEvent(consumer, input.type() + " " + input.id(), mayPause);
        return Uni.createFrom().deferred(() -> {
                    tries.attempt();
                    return handler.apply(input);
                })
                .onFailure(InboundEvents::isTransient).retry().when(tries::decide)
                .replaceWith(Outcome.HANDLED)
                .onFailure().recoverWithUni(e -> {
                    if (e instanceof ConsumerRetries.DependencyDown) {
                        LOG.warnf("%s: %s %s left for redelivery: %s [correlationid=%s]", consumer, input.type(), input.id(),
                                e.getMessage(), input.correlationid());
                        return Uni.createFrom().item(Outcome.LEFT_FOR_REDELIVERY);
                    }
                    if (isTransient(e) && shutdown.stopping()) {
                        LOG.warnf("%s: %s %s failed during shutdown (%s); left unacknowledged for redelivery "
                                + "[correlationid=%s]", consumer, input.type(), input.id(), DeadLetterQueue.rootMessage(e),
                                input.correlationid());
                        return Uni.createFrom().item(Outcome.LEFT_FOR_REDELIVERY);
                    }
                    LOG.errorf(e, "%s: %s %s failed after %d attempt(s) [correlationid=%s]", consumer, input.type(),
                            input.id(), tries.attempts(), input.correlationid());
                    return deadLetter(consumer, value, origin, e, tries.attempts());
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
        return deadLetters.put(consumer, value, origin, reason, attempts)
                .map(written -> written ? Outcome.DEAD_LETTERED : Outcome.LEFT_FOR_REDELIVERY);
    }
}
