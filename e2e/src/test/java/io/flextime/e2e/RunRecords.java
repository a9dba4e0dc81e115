package io.flextime.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.testing.LocalStack;
import io.flextime.events.EventType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every Kafka record of one pipeline run (one correlation id), read from the start of every event
 * topic up to the end offsets taken when reading starts. Core's {@code KafkaProbe.read} stops on a
 * predicate over the matches or a timeout; a run's record count is not known in advance (progress
 * events, re-emissions), so this reads to the end offsets instead: complete, and no waiting.
 */
final class RunRecords {
    record RunRecord(String topic, String key, String value, JsonNode event) {
        String type() {
            return event.path("type").asText();
        }

        String id() {
            return event.path("id").asText();
        }
    }

    private RunRecords() {
    }

    static List<RunRecord> of(String correlationId, ObjectMapper mapper) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<RunRecord> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (EventType type : EventType.values()) {
                consumer.partitionsFor(type.topic(), Duration.ofSeconds(10))
                        .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the event topics to their end within 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())) || r.value() == null) {
                        continue;
                    }
                    JsonNode e;
                    try {
                        e = mapper.readTree(r.value());
                    } catch (IOException notJson) {
                        continue; // someone else's test garbage: not part of any run
                    }
                    if (correlationId.equals(e.path("correlationid").asText())) {
                        out.add(new RunRecord(r.topic(), r.key(), r.value(), e));
                    }
                }
            }
        }
        return out;
    }
}
