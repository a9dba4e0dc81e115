package io.flextime.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.lifecycle.ShutdownSignal;
import io.flextime.core.metrics.FunctionMetrics;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** CloudEvents through the real broker: duplicates have one effect, failures end in the DLQ. */
@QuarkusTest
@QuarkusTestResource(value = LocalStack.class, restrictToAnnotatedClass = false)
class EventDeliveryTest {

    @Inject
    EventPublisher publisher;
    @Inject
    ObjectMapper mapper;
    @Inject
    FlexTimeConfig config;
    @Inject
    FunctionMetrics metrics;

    @Test
    void aDuplicateDeliveryHasOneEffectAndReEmitsTheSameOutput() throws Exception {
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent event = ingested(tenant, "dup-season");
        String json = mapper.writeValueAsString(event);

        KafkaProbe.send(EventType.DATASET_INGESTED.topic(), event.subject(), json);
        KafkaProbe.send(EventType.DATASET_INGESTED.topic(), event.subject(), json);

        var outputs = KafkaProbe.read(EventType.DATASET_VALIDATED.topic(), r -> event.subject().equals(r.key()),
                found -> found.size() >= 2, Duration.ofSeconds(60));
        assertEquals(2, outputs.size(), "the output is emitted on the first delivery and re-emitted on the duplicate");
        CloudEvent first = mapper.readValue(outputs.get(0).value(), CloudEvent.class);
        CloudEvent second = mapper.readValue(outputs.get(1).value(), CloudEvent.class);
        assertEquals(first.id(), second.id(), "the re-emitted event is the recorded one, not a new one");
        assertEquals(event.correlationid(), first.correlationid(), "the correlation id flows through");

        try (Connection c = TestDatabase.owner();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM dataset WHERE tenant = '" + tenant + "'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the effect happened exactly once");
        }
        try (Connection c = TestDatabase.owner();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*), min(type) FROM pipeline_event WHERE correlation_id = '"
                        + event.correlationid() + "'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the pipeline log holds the emitted event once, though it was published twice");
            assertEquals(EventType.DATASET_VALIDATED.type(), rs.getString(2));
        }
    }

    @Test
    void anEventThatAlwaysFailsLandsInTheDlqWithItsReason() throws Exception {
        String dlq = Topics.dlq(EchoConsumer.NAME);
        KafkaProbe.ensureTopic(dlq);
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent event = ingested(tenant, "poison-season");
        KafkaProbe.send(EventType.DATASET_INGESTED.topic(), event.subject(), mapper.writeValueAsString(event));

        var dead = KafkaProbe.read(dlq, r -> event.subject().equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertEquals(1, dead.size(), "one dead letter");
        ConsumerRecord<String, String> r = dead.get(0);
        assertTrue(KafkaProbe.header(r, "dead-letter-reason").contains("poison season"), "the reason is in the headers");
        assertEquals(EventType.DATASET_INGESTED.topic(), KafkaProbe.header(r, "dead-letter-topic"));
        assertEquals("3", KafkaProbe.header(r, "flextime-attempts"), "retried up to the configured attempts");
        assertEquals(event.id(), mapper.readValue(r.value(), CloudEvent.class).id(), "the original record is kept for replay");
    }

    @Test
    void anInvalidEnvelopeGoesToTheDlqWithoutRetries() {
        String dlq = Topics.dlq(EchoConsumer.NAME);
        KafkaProbe.ensureTopic(dlq);
        String key = "bad-" + UUID.randomUUID();
        KafkaProbe.send(EventType.DATASET_INGESTED.topic(), key, "{\"specversion\":\"1.0\",\"type\":\"nonsense\"}");

        var dead = KafkaProbe.read(dlq, r -> key.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertEquals(1, dead.size());
        assertTrue(KafkaProbe.header(dead.get(0), "dead-letter-reason").startsWith("invalid CloudEvent"));
        assertEquals("0", KafkaProbe.header(dead.get(0), "flextime-attempts"));
    }

    @Test
    void aRecordWhoseHandlingFailsDuringShutdownIsLeftUnacknowledgedForRedelivery() throws Exception {
        InboundEvents stopping = new InboundEvents(mapper, publisher, config, ShutdownSignal.raised(), metrics);
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent event = ingested(tenant, "caught-by-shutdown");
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        Message<String> message = Message.of(mapper.writeValueAsString(event), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });

        stopping.consume(EchoConsumer.NAME, message, e -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("Pool closed"));
        }).await().atMost(Duration.ofSeconds(10));

        assertEquals(1, attempts.get(), "no retries while stopping");
        assertEquals(0, acks.get(), "not acknowledged: the offset stays uncommitted");
        var dead = KafkaProbe.read(Topics.dlq(EchoConsumer.NAME), r -> r.value().contains(event.id()), found -> !found.isEmpty(),
                Duration.ofSeconds(3));
        assertTrue(dead.isEmpty(), "not dead-lettered");

        // A permanent failure is dead-lettered (and acknowledged) even while stopping: redelivery cannot help it.
        CloudEvent bad = ingested(tenant, "permanently-bad");
        Message<String> second = Message.of(mapper.writeValueAsString(bad), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
        stopping.consume(EchoConsumer.NAME, second, e -> Uni.createFrom().failure(new PermanentFailure("unknown version")))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(1, acks.get());
        assertEquals(1, KafkaProbe.read(Topics.dlq(EchoConsumer.NAME), r -> r.value().contains(bad.id()),
                found -> !found.isEmpty(), Duration.ofSeconds(20)).size());
    }

    private CloudEvent ingested(String tenant, String season) throws Exception {
        ObjectNode data = (ObjectNode) mapper.readTree(getClass().getResourceAsStream(
                "/" + EventType.DATASET_INGESTED.exampleResource().replaceFirst("^/", ""))).get("data");
        data.put("season", season);
        String versionId = UUID.randomUUID().toString();
        data.put("versionId", versionId);
        return publisher.create(EventType.DATASET_INGESTED, versionId, tenant, UUID.randomUUID().toString(), 1L, data);
    }
}
