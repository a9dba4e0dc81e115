package io.flextime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Against the local stack's broker ({@code ./flextime test} starts it before the tests). */
class ConsumerGroupsToEndTest {
    private static final String BOOTSTRAP = "127.0.0.1:" + System.getenv().getOrDefault("FLEXTIME_KAFKA_PORT", "59092");

    @Test
    void aGroupStartsAfterWhatIsOnTheTopicAndALiveGroupIsLeftAlone() throws Exception {
        String topic = "tools-test-" + UUID.randomUUID();
        String group = "tools-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(ConsumerGroupsToEnd.adminConfig(BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            produce(topic, 5);

            String said = ConsumerGroupsToEnd.moveToEnd(admin, group, List.of(topic));
            assertTrue(said.contains("after the 5 earlier event(s)"), said);
            assertEquals(5, committedTotal(admin, group));

            produce(topic, 2);
            said = ConsumerGroupsToEnd.moveToEnd(admin, group, List.of(topic));
            assertTrue(said.contains("after the 2 earlier event(s)"), "only what came since: " + said);
            assertEquals(7, committedTotal(admin, group));

            try (KafkaConsumer<String, String> live = consumer(group)) {
                live.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (live.assignment().isEmpty() && System.nanoTime() < deadline) {
                    live.poll(Duration.ofMillis(200));
                }
                produce(topic, 3);
                said = ConsumerGroupsToEnd.moveToEnd(admin, group, List.of(topic));
                assertTrue(said.contains("has live members"), said);
                assertEquals(7, committedTotal(admin, group), "a live group's offsets are not touched");
            }
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    private static long committedTotal(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static void produce(String topic, int count) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
