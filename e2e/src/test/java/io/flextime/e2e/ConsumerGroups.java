package io.flextime.e2e;

import io.flextime.core.testing.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * "The function has handled everything sent so far": a consumer group's committed offsets have
 * reached the end offsets its topics had when we started waiting. This replaces a fixed sleep after
 * re-sending duplicates (the functions commit after handling, periodically).
 */
final class ConsumerGroups {
    private ConsumerGroups() {
    }

    /**
     * Commits the group's offsets at the current end of its topics (the group must have no live
     * members). A pipeline under test then sees only what is produced from now on, not the history of
     * the shared topics: other modules' tests leave real ingest requests there, which would otherwise
     * become runs (and solver time) in this module's database.
     */
    static void startAtEnd(String group, List<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, Long> end = endOffsets(admin, topics);
            admin.alterConsumerGroupOffsets(group, end.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot position consumer group " + group + " at the end of " + topics, e);
        }
    }

    static void awaitCaughtUp(String group, List<String> topics, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, Long> end = endOffsets(admin, topics);
            List<TopicPartition> partitions = new ArrayList<>(end.keySet());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                List<String> behind = partitions.stream()
                        .filter(tp -> (committed.get(tp) == null ? 0 : committed.get(tp).offset()) < end.get(tp))
                        .map(tp -> tp + " committed " + (committed.get(tp) == null ? "-" : committed.get(tp).offset())
                                + " < end " + end.get(tp))
                        .toList();
                if (behind.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("consumer group " + group + " did not catch up within " + timeout.toSeconds()
                            + " s: " + behind);
                }
                FunctionProcesses.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed", e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        List<TopicPartition> partitions = new ArrayList<>();
        for (var d : admin.describeTopics(topics).allTopicNames().get().values()) {
            d.partitions().forEach(i -> partitions.add(new TopicPartition(d.name(), i.partition())));
        }
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
