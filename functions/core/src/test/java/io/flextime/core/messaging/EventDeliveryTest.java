package io.flextime.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.config.FlexTimeConfig;
import io.flextime.core.health.DependencyReadiness;
import io.flextime.core.pipeline.PipelineRuns;
import io.flextime.core.lifecycle.ShutdownSignal;
import io.flextime.core.metrics.FunctionMetrics;
import io.flextime.core.testing.KafkaProbe;
import io.flextime.core.testing.LocalStack;
import io.flextime.core.testing.TestDatabase;
import io.flextime.events.CloudEvent;
import io.flextime.events.EventType;
import io.flextime.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.flextime.tools.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * CloudEvents through the real broker: duplicates have one effect; failures are retried for a time
 * budget and end in the DLQ with their headers, visible in the run, and a redrive has one effect; an
 * outage pauses the consumer instead; a dead letter that cannot be written is not acknowledged.
 */
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
    @Inject
    DependencyReadiness readiness;
    @Inject
    DeadLetterQueue deadLetters;
    @Inject
    InboundEvents inbound;
    @Inject
    PipelineRuns runs;
    @Inject
    MeterRegistry registry;

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
    void anEventThatAlwaysFailsIsRetriedForItsBudgetThenLandsInTheDlqWithItsReasonAndHeaders() throws Exception {
        String dlq = Topics.dlq(EchoConsumer.NAME);
        KafkaProbe.ensureTopic(dlq);
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent event = ingested(tenant, "poison-season");
        long sent = System.currentTimeMillis();
        KafkaProbe.send(EventType.DATASET_INGESTED.topic(), event.subject(), mapper.writeValueAsString(event),
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        var dead = KafkaProbe.read(dlq, r -> event.subject().equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertEquals(1, dead.size(), "one dead letter");
        ConsumerRecord<String, String> r = dead.get(0);
        assertTrue(KafkaProbe.header(r, "dead-letter-reason").contains("poison season"), "the reason is in the headers");
        assertEquals(EventType.DATASET_INGESTED.topic(), KafkaProbe.header(r, "dead-letter-topic"));
        assertTrue(Integer.parseInt(KafkaProbe.header(r, "flextime-attempts")) >= 2, "retried: " + KafkaProbe.header(r, "flextime-attempts"));
        assertTrue(r.timestamp() - sent >= config.consumer().retryBudget().toMillis(), // from its first failure
                "retried for its budget (" + config.consumer().retryBudget() + "), dead-lettered after " + (r.timestamp() - sent) + " ms");
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", KafkaProbe.header(r, "traceparent"),
                "the original headers travel with it");
        assertEquals(event.id(), mapper.readValue(r.value(), CloudEvent.class).id(), "the original record is kept for replay");

        // The run says so: its stage failed, with the reason (not "ingest SUCCEEDED" and silence).
        var run = awaitRun(tenant, event.correlationid(), x -> x.stages().stream().anyMatch(st -> "FAILED".equals(st.outcome())));
        assertEquals("FAILED", run.outcome());
        var stage = run.stages().stream().filter(st -> EchoConsumer.NAME.equals(st.name())).findFirst().orElseThrow();
        assertTrue(stage.detail().contains("dead-lettered to " + dlq) && stage.detail().contains("poison season"), stage.detail());
    }

    @Test
    void aRedrivenDeadLetterHasOneEffectHoweverOftenItIsReplayed() throws Exception {
        String dlq = Topics.dlq(EchoConsumer.NAME);
        KafkaProbe.ensureTopic(dlq);
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent event = ingested(tenant, "redriven");
        EchoConsumer.REFUSED.add(event.id());
        KafkaProbe.send(EventType.DATASET_INGESTED.topic(), event.subject(), mapper.writeValueAsString(event),
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        KafkaProbe.read(dlq, r -> event.subject().equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertEquals(0, datasets(tenant), "refused: no effect yet");

        EchoConsumer.REFUSED.remove(event.id()); // the bug is fixed
        var letters = DeadLetters.read(LocalStack.kafkaBootstrap(), dlq);
        var filter = new DeadLetters.Filter(null, null, event.id(), null);
        assertEquals(1, DeadLetters.replay(LocalStack.kafkaBootstrap(), letters, filter, false, System.out));
        assertEquals(1, DeadLetters.replay(LocalStack.kafkaBootstrap(), letters, filter, false, System.out), "replayed twice");

        var outputs = KafkaProbe.read(EventType.DATASET_VALIDATED.topic(), r -> event.subject().equals(r.key()),
                found -> found.size() >= 2, Duration.ofSeconds(60));
        assertEquals(2, outputs.size(), "emitted by the first replay, re-emitted by the second");
        assertEquals(mapper.readValue(outputs.get(0).value(), CloudEvent.class).id(),
                mapper.readValue(outputs.get(1).value(), CloudEvent.class).id(), "one output event");
        assertEquals(1, datasets(tenant), "one effect");

        var redriven = KafkaProbe.read(EventType.DATASET_INGESTED.topic(), r -> event.subject().equals(r.key())
                && KafkaProbe.header(r, "flextime-redriven-from") != null, found -> found.size() >= 2, Duration.ofSeconds(20));
        assertTrue(KafkaProbe.header(redriven.get(0), "flextime-redriven-from").startsWith(dlq + "/"));
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", KafkaProbe.header(redriven.get(0), "traceparent"),
                "replayed with the original headers");
        assertNull(KafkaProbe.header(redriven.get(0), "dead-letter-reason"), "without the dead-letter ones");
    }

    @Test
    void aConsumerPausesWhilePostgresIsDownAndResumesWithoutADeadLetter() throws Exception {
        String tenant = "coretest-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent event = ingested(tenant, "outage");
        // First one event through, so the consumer is known to be assigned and live when the database goes.
        CloudEvent warmUp = ingested(tenant, "before-the-outage");
        KafkaProbe.send(EventType.DATASET_INGESTED.topic(), warmUp.subject(), mapper.writeValueAsString(warmUp));
        KafkaProbe.read(EventType.DATASET_VALIDATED.topic(), r -> warmUp.subject().equals(r.key()), found -> !found.isEmpty(),
                Duration.ofSeconds(60));
        double pausesBefore = pauses();
        // Down longer than TenantDb's own reconnect retries (about 20 s), so the handler does fail.
        Process restart = new ProcessBuilder(LocalStack.repoRoot().resolve("flextime").toString(), "stack", "restart", "postgres",
                "--down", "30").directory(LocalStack.repoRoot().toFile()).redirectErrorStream(true).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(restart.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder output = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            output.append(line).append('\n');
            if (line.contains("stopped postgres")) {
                break; // pg_ctl stop -m fast has returned: the server is gone, its sessions with it
            }
        }
        assertTrue(output.toString().contains("stopped postgres"), output.toString());
        KafkaProbe.send(EventType.DATASET_INGESTED.topic(), event.subject(), mapper.writeValueAsString(event));

        output.append(new String(restart.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, restart.waitFor(), output.toString());
        var outputs = KafkaProbe.read(EventType.DATASET_VALIDATED.topic(), r -> event.subject().equals(r.key()),
                found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertEquals(1, outputs.size(), "handled once PostgreSQL was back");
        assertEquals(2, datasets(tenant), "the warm-up's and the held event's");
        assertTrue(pauses() > pausesBefore, "the consumer paused (flextime.consumer.paused)");
        assertTrue(KafkaProbe.read(Topics.dlq(EchoConsumer.NAME), r -> event.subject().equals(r.key()), found -> !found.isEmpty(),
                Duration.ofSeconds(2)).isEmpty(), "30 s down with a 1 s retry budget, and nothing dead-lettered");
    }

    @Test
    void aDeadLetterThatCannotBeWrittenLeavesTheRecordUnacknowledged() throws Exception {
        AtomicInteger acks = new AtomicInteger();
        // Over the producer's max.request.size (1 MiB): the DLQ write fails as a full or unreachable DLQ would.
        Message<String> huge = Message.of("x".repeat(1_200_000), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
        inbound.consume(EchoConsumer.NAME, huge, e -> Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(60));
        assertEquals(0, acks.get(), "not acknowledged: its offset stays uncommitted, so it is delivered again");

        Message<String> next = Message.of("{\"specversion\":\"1.0\"}", () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
        inbound.consume(EchoConsumer.NAME, next, e -> Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(60));
        assertEquals(1, acks.get(), "the next dead letter is written and acknowledged: the DLQ channel still works");
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
        InboundEvents stopping = new InboundEvents(mapper, ShutdownSignal.raised(), metrics,
                new ConsumerRetries(readiness, ShutdownSignal.raised(), metrics, config), deadLetters);
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

    private int datasets(String tenant) throws Exception {
        try (Connection c = TestDatabase.owner();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM dataset WHERE tenant = '" + tenant + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private double pauses() {
        var timer = registry.find("flextime.consumer.paused").tag("consumer", EchoConsumer.NAME).timer();
        return timer == null ? 0 : timer.count();
    }

    private PipelineRuns.Run awaitRun(String tenant, String correlationId, java.util.function.Predicate<PipelineRuns.Run> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        PipelineRuns.Run run = null;
        while (System.nanoTime() < deadline) {
            run = runs.run(tenant, correlationId).await().atMost(Duration.ofSeconds(10)).orElse(null);
            if (run != null && done.test(run)) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + correlationId + " of " + tenant + ": " + run);
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
