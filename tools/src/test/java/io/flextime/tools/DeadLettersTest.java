package io.flextime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.events.DeadLetterHeaders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code ./flextime dlq} against the local stack's broker: what it reads, and what a replay sends where. */
class DeadLettersTest {
    private static final String BOOTSTRAP = "127.0.0.1:" + System.getenv().getOrDefault("FLEXTIME_KAFKA_PORT", "59092");

    @Test
    void aReplaySendsTheChosenLettersBackWithTheirOriginalHeadersAndSkipsWhatHasNowhereToGo() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String dlq = "toolstest-" + id + ".dlq";
        String origin = "toolstest-" + id + ".events";
        try (Admin admin = Admin.create(ConsumerGroupsToEnd.adminConfig(BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(dlq, 2, (short) 1), new NewTopic(origin, 1, (short) 1))).all().get();
            try (KafkaProducer<String, String> p = producer()) {
                p.send(letter(dlq, origin, "k1", event("e1", "big12", "run-1"), "boom 1")).get();
                p.send(letter(dlq, origin, "k2", event("e2", "sec", "run-2"), "boom 2")).get();
                p.send(letter(dlq, origin, "k3", event("e3", "big12", "run-3"), "boom 3")).get();
                p.send(letter(dlq, "unknown", "k4", event("e4", "big12", "run-4"), "no origin")).get();
            }

            List<DeadLetters.Letter> letters = DeadLetters.read(BOOTSTRAP, dlq);
            assertEquals(4, letters.size());
            DeadLetters.Letter first = letters.stream().filter(l -> l.eventId().equals("e1")).findFirst().orElseThrow();
            assertEquals("big12", first.tenant());
            assertEquals("run-1", first.run());
            assertEquals("boom 1", first.header(DeadLetterHeaders.REASON));

            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            DeadLetters.show(letters, new DeadLetters.Filter("big12", null, null, null), 50, new PrintStream(shown, true, StandardCharsets.UTF_8));
            String text = shown.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("reason: boom 3") && text.contains("3 record(s)") && !text.contains("boom 2"), text);

            ByteArrayOutputStream said = new ByteArrayOutputStream();
            int dry = DeadLetters.replay(BOOTSTRAP, letters, new DeadLetters.Filter("big12", null, null, null), true, new PrintStream(said));
            assertEquals(2, dry, "two of big12's letters have a topic to go back to: " + said);
            assertEquals(List.of(), readAll(origin), "a dry run sends nothing");

            int sent = DeadLetters.replay(BOOTSTRAP, letters, new DeadLetters.Filter("big12", null, null, null), false, new PrintStream(said));
            assertEquals(2, sent);
            List<ConsumerRecord<String, String>> back = readAll(origin);
            assertEquals(List.of("k1", "k3"), back.stream().map(ConsumerRecord::key).sorted().toList());
            ConsumerRecord<String, String> r = back.stream().filter(x -> x.key().equals("k1")).findFirst().orElseThrow();
            assertEquals(first.value(), r.value(), "the value unchanged");
            assertEquals("00-trace-k1", header(r, "traceparent"), "the original headers");
            assertNull(header(r, DeadLetterHeaders.REASON), "not the dead-letter ones");
            assertNull(header(r, DeadLetterHeaders.ATTEMPTS));
            assertTrue(header(r, DeadLetterHeaders.REDRIVEN_FROM).startsWith(dlq + "/"), header(r, DeadLetterHeaders.REDRIVEN_FROM));
            assertTrue(said.toString(StandardCharsets.UTF_8).contains("no topic to send it back to"),
                    "big12's e4 came from no known topic: reported as skipped: " + said);
            admin.deleteTopics(List.of(dlq, origin)).all().get();
        }
    }

    private static String event(String id, String tenant, String run) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"flextime.dataset.ingested.v1\",\"tenant\":\"" + tenant
                + "\",\"correlationid\":\"" + run + "\"}";
    }

    private static ProducerRecord<String, String> letter(String dlq, String origin, String key, String value, String reason) {
        ProducerRecord<String, String> r = new ProducerRecord<>(dlq, key, value);
        Map.of("traceparent", "00-trace-" + key, DeadLetterHeaders.REASON, reason, DeadLetterHeaders.TOPIC, origin,
                DeadLetterHeaders.PARTITION, "0", DeadLetterHeaders.OFFSET, "7", DeadLetterHeaders.CONSUMER, "validate",
                DeadLetterHeaders.ATTEMPTS, "3").forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }
}
