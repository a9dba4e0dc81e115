package io.flextime.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Moves the local demo's consumer groups to the end of their topics before its functions start.
 * On a workstation the topics also carry every test run's events (other tenants, other databases):
 * a group that starts from the beginning, or from where the last demo left it, would first wade
 * through thousands of foreign events (each a permanent failure on its DLQ) before reaching the
 * demo's own upload. A group with live members is left alone (a function still runs).
 * <p>
 * Usage: {@code ConsumerGroupsToEnd BOOTSTRAP GROUP=TOPIC[,TOPIC...] ...}
 */
public final class ConsumerGroupsToEnd {

    private ConsumerGroupsToEnd() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ConsumerGroupsToEnd BOOTSTRAP GROUP=TOPIC[,TOPIC...] ...");
            System.exit(2);
        }
        try (Admin admin = Admin.create(adminConfig(args[0]))) {
            for (String spec : Arrays.copyOfRange(args, 1, args.length)) {
                String[] parts = spec.split("=", 2);
                System.out.println("  " + moveToEnd(admin, parts[0], List.of(parts[1].split(","))));
            }
        }
    }

    /** A local broker answers within seconds; a dead one should not hold the demo for minutes. */
    static Properties adminConfig(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return p;
    }

    /** Moves one group; answers a line saying what it did. */
    static String moveToEnd(Admin admin, String group, List<String> topics) throws ExecutionException, InterruptedException {
        if (hasMembers(admin, group)) {
            return "consumer group " + group + ": has live members, left where it is";
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(t -> t.partitions().forEach(
                i -> latest.put(new TopicPartition(t.name(), i.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long skipped = 0;
        Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
        for (var e : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(e.getKey());
            skipped += e.getValue().offset() - (at == null ? 0 : at.offset());
            target.put(e.getKey(), new OffsetAndMetadata(e.getValue().offset()));
        }
        admin.alterConsumerGroupOffsets(group, target).all().get();
        List<String> sorted = new ArrayList<>(topics);
        sorted.sort(null);
        return "consumer group " + group + ": starts after the " + skipped + " earlier event(s) on " + String.join(", ", sorted);
    }

    private static boolean hasMembers(Admin admin, String group) throws InterruptedException, ExecutionException {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return d != null && !d.members().isEmpty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false;
            }
            throw e;
        }
    }
}
