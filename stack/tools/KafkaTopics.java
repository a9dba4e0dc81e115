import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Local-stack helper for the Kafka broker, run by scripts/stack.sh with the broker's classpath
 * (one JVM for the readiness check and all topics, instead of one kafka-topics JVM per topic).
 *
 * <pre>
 *   KafkaTopics ensure &lt;bootstrap&gt; &lt;partitions&gt; &lt;topics-file&gt; [timeout-seconds]
 *       waits until the broker answers admin calls, then creates the missing topics
 *       (replication factor 1); the file has one topic per line, '#' starts a comment.
 *       Pass "-" as the file to only wait for the broker.
 *   KafkaTopics list &lt;bootstrap&gt;
 *       prints "topic partitions" for each non-internal topic.
 * </pre>
 */
public class KafkaTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        switch (args[0]) {
            case "ensure" -> {
                if (args.length < 4) {
                    usage();
                }
                int timeout = args.length > 4 ? Integer.parseInt(args[4]) : 60;
                System.exit(ensure(args[1], Integer.parseInt(args[2]), args[3], timeout));
            }
            case "list" -> System.exit(list(args[1]));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: KafkaTopics ensure <bootstrap> <partitions> <topics-file|-> [timeout-s]");
        System.err.println("       KafkaTopics list <bootstrap>");
        System.exit(2);
    }

    private static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "flextime-stack");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        return Admin.create(p);
    }

    static List<String> readTopics(String file) throws Exception {
        Set<String> topics = new LinkedHashSet<>();
        if ("-".equals(file)) {
            return new ArrayList<>();
        }
        for (String line : Files.readAllLines(Path.of(file))) {
            int hash = line.indexOf('#');
            String t = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new IllegalArgumentException("not a valid topic name in " + file + ": '" + t + "'");
            }
            topics.add(t);
        }
        return new ArrayList<>(topics);
    }

    static int ensure(String bootstrap, int partitions, String file, int timeoutSeconds) throws Exception {
        List<String> wanted = readTopics(file);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (Admin admin = admin(bootstrap)) {
            // Readiness: the broker answers metadata calls and has registered itself.
            Exception last = null;
            while (true) {
                try {
                    int nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        admin.listTopics().names().get(5, TimeUnit.SECONDS);
                        break;
                    }
                } catch (Exception e) {
                    last = e;
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("Kafka at " + bootstrap + " did not answer admin calls within "
                            + timeoutSeconds + " s" + (last == null ? "" : ": " + last));
                    return 1;
                }
                Thread.sleep(200);
            }

            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> create = new ArrayList<>();
            for (String t : wanted) {
                if (!existing.contains(t)) {
                    create.add(new NewTopic(t, partitions, (short) 1));
                }
            }
            List<String> created = new ArrayList<>();
            if (!create.isEmpty()) {
                Map<String, org.apache.kafka.common.KafkaFuture<Void>> results =
                        admin.createTopics(create).values();
                for (var e : results.entrySet()) {
                    try {
                        e.getValue().get(30, TimeUnit.SECONDS);
                        created.add(e.getKey());
                    } catch (ExecutionException ex) {
                        if (!(ex.getCause() instanceof TopicExistsException)) {
                            System.err.println("could not create topic " + e.getKey() + ": " + ex.getCause());
                            return 1;
                        }
                    }
                }
            }
            java.util.Collections.sort(created);
            // Existing topics with fewer partitions than wanted: report, do not change.
            List<String> present = new ArrayList<>(wanted);
            present.removeAll(created);
            if (!present.isEmpty()) {
                Map<String, TopicDescription> d = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
                for (TopicDescription td : d.values()) {
                    if (td.partitions().size() < partitions) {
                        System.err.println("warning: topic " + td.name() + " has " + td.partitions().size()
                                + " partitions (wanted " + partitions + "); left as is");
                    }
                }
            }
            System.out.println("topics: " + wanted.size() + " wanted, " + created.size() + " created"
                    + (created.isEmpty() ? "" : " " + created));
            return 0;
        }
    }

    static int list(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            Map<String, TopicDescription> d = new TreeMap<>(admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS));
            for (TopicDescription td : d.values()) {
                System.out.println(td.name() + " " + td.partitions().size());
            }
            return 0;
        }
    }
}
