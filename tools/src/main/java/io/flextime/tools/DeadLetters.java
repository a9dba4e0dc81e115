package io.flextime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.events.DeadLetterHeaders;
import io.flextime.events.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./flextime dlq}: what the consumers dead-lettered, and sending it back.
 * <pre>
 *   DeadLetters BOOTSTRAP list                               every DLQ: records, oldest, newest, per tenant
 *   DeadLetters BOOTSTRAP show DLQ [filters] [--limit N]     the records: where from, why, which event
 *   DeadLetters BOOTSTRAP replay DLQ filters [--dry-run]     back to the topic each came from
 *   filters: --tenant T  --run CORRELATION-ID  --event EVENT-ID  --record PARTITION@OFFSET  (replay: one at least, or --all)
 * </pre>
 * A replay sends the record's key, value and original headers (without the dead-letter ones, with
 * {@value DeadLetterHeaders#REDRIVEN_FROM}) to its {@value DeadLetterHeaders#TOPIC}. Nothing is kept of
 * what was replayed: the consumers are idempotent by event id, so replaying a record twice has one effect,
 * and one that fails again comes back to the DLQ with its new reason.
 */
public final class DeadLetters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetters() {
    }

    /** One dead letter, as read from its DLQ. */
    public record Letter(String dlq, int partition, long offset, Instant at, String key, String value, List<Header> headers,
            JsonNode event) {
        public String header(String name) {
            String found = null;
            for (Header h : headers) {
                if (h.key().equals(name) && h.value() != null) {
                    found = new String(h.value(), StandardCharsets.UTF_8);
                }
            }
            return found;
        }

        public String tenant() {
            return event.path("tenant").asText("");
        }

        public String run() {
            return event.path("correlationid").asText("");
        }

        public String eventId() {
            return event.path("id").asText("");
        }

        public String where() {
            return dlq + "/" + partition + "@" + offset;
        }
    }

    /** Which letters a command is about. */
    public record Filter(String tenant, String run, String eventId, String record) implements Predicate<Letter> {
        public boolean isEmpty() {
            return tenant == null && run == null && eventId == null && record == null;
        }

        @Override
        public boolean test(Letter l) {
            return (tenant == null || tenant.equals(l.tenant())) && (run == null || run.equals(l.run()))
                    && (eventId == null || eventId.equals(l.eventId()))
                    && (record == null || record.equals(l.partition() + "@" + l.offset()));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String bootstrap = args[0];
        String command = args[1];
        Map<String, String> opts = new HashMap<>();
        String dlq = null;
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--all") || a.equals("--dry-run")) {
                opts.put(a, "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                opts.put(a, args[++i]);
            } else if (dlq == null && !a.startsWith("--")) {
                dlq = a;
            } else {
                usage();
            }
        }
        Filter filter = new Filter(opts.get("--tenant"), opts.get("--run"), opts.get("--event"), opts.get("--record"));
        PrintStream out = System.out;
        switch (command) {
            case "list" -> list(bootstrap, out);
            case "show" -> show(read(bootstrap, requireDlq(dlq)), filter, Integer.parseInt(opts.getOrDefault("--limit", "50")), out);
            case "replay" -> {
                if (filter.isEmpty() && !opts.containsKey("--all")) {
                    System.err.println("replay: name what to replay (--tenant, --run, --event, --record) or pass --all");
                    System.exit(2);
                }
                int sent = replay(bootstrap, read(bootstrap, requireDlq(dlq)), filter, opts.containsKey("--dry-run"), out);
                out.println((opts.containsKey("--dry-run") ? "would replay " : "replayed ") + sent + " record(s)");
            }
            default -> usage();
        }
    }

    private static String requireDlq(String dlq) {
        if (dlq == null || !Topics.isDlq(dlq)) {
            System.err.println("name a dead-letter topic: " + String.join(", ", Topics.dlqTopics()));
            System.exit(2);
        }
        return dlq;
    }

    private static void usage() {
        System.err.println("usage: ./flextime dlq list | show DLQ [--tenant T] [--run ID] [--event ID] [--record P@O] [--limit N]"
                + " | replay DLQ (--tenant T | --run ID | --event ID | --record P@O | --all) [--dry-run]");
        System.exit(2);
    }

    static void list(String bootstrap, PrintStream out) {
        out.printf("%-13s %8s  %-20s  %-20s  %s%n", "dlq", "records", "oldest", "newest", "by tenant");
        for (String dlq : Topics.dlqTopics()) {
            List<Letter> letters = read(bootstrap, dlq);
            Map<String, Integer> byTenant = new TreeMap<>();
            letters.forEach(l -> byTenant.merge(l.tenant().isEmpty() ? "?" : l.tenant(), 1, Integer::sum));
            String tenants = byTenant.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(5)
                    .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("")
                    + (byTenant.size() > 5 ? ", ... (" + byTenant.size() + " tenants)" : "");
            out.printf("%-13s %8d  %-20s  %-20s  %s%n", dlq, letters.size(),
                    letters.isEmpty() ? "-" : letters.get(0).at().toString().substring(0, 19),
                    letters.isEmpty() ? "-" : letters.get(letters.size() - 1).at().toString().substring(0, 19), tenants);
        }
    }

    static void show(List<Letter> letters, Filter filter, int limit, PrintStream out) {
        List<Letter> chosen = letters.stream().filter(filter).toList();
        int from = Math.max(0, chosen.size() - limit);
        for (Letter l : chosen.subList(from, chosen.size())) {
            out.printf("%s  %s  from %s/%s@%s  consumer %s  attempts %s%n", l.where(), l.at(), l.header(DeadLetterHeaders.TOPIC),
                    l.header(DeadLetterHeaders.PARTITION), l.header(DeadLetterHeaders.OFFSET), l.header(DeadLetterHeaders.CONSUMER),
                    l.header(DeadLetterHeaders.ATTEMPTS));
            out.printf("    event %s %s  tenant %s  run %s  key %s%n", l.event().path("type").asText("?"), l.eventId(), l.tenant(),
                    l.run(), l.key());
            out.printf("    reason: %s%n", l.header(DeadLetterHeaders.REASON));
            if (l.header(DeadLetterHeaders.REDRIVEN_FROM) != null) {
                out.printf("    (a replay of %s that failed again)%n", l.header(DeadLetterHeaders.REDRIVEN_FROM));
            }
        }
        out.println(chosen.size() + " record(s)" + (from > 0 ? ", the last " + limit + " shown" : ""));
    }

    /** Sends each chosen letter back to its topic; answers how many were (or, dry, would be) sent. */
    public static int replay(String bootstrap, List<Letter> letters, Filter filter, boolean dryRun, PrintStream out)
            throws ExecutionException, InterruptedException {
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
            for (Letter l : letters) {
                if (!filter.test(l)) {
                    continue;
                }
                String topic = l.header(DeadLetterHeaders.TOPIC);
                if (topic == null || topic.isBlank() || "unknown".equals(topic) || Topics.isDlq(topic)) {
                    out.println("  " + l.where() + ": no topic to send it back to (" + DeadLetterHeaders.TOPIC + " = " + topic + "), skipped");
                    continue;
                }
                RecordHeaders headers = new RecordHeaders();
                for (Header h : l.headers()) {
                    if (!DeadLetterHeaders.isDeadLetterHeader(h.key()) && !DeadLetterHeaders.REDRIVEN_FROM.equals(h.key())) {
                        headers.add(h);
                    }
                }
                headers.add(DeadLetterHeaders.REDRIVEN_FROM, l.where().getBytes(StandardCharsets.UTF_8));
                if (!dryRun) {
                    RecordMetadata m = producer.send(new ProducerRecord<>(topic, null, l.key(), l.value(), headers)).get();
                    out.println("  " + l.where() + " -> " + m.topic() + "/" + m.partition() + "@" + m.offset() + "  "
                            + l.event().path("type").asText("?") + " " + l.eventId());
                } else {
                    out.println("  " + l.where() + " -> " + topic + "  " + l.event().path("type").asText("?") + " " + l.eventId());
                }
                sent++;
            }
        }
        return sent;
    }

    /** Every record of a DLQ now, oldest first per partition (partitions in order). */
    public static List<Letter> read(String bootstrap, String dlq) {
        List<Letter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(bootstrap))) {
            List<PartitionInfo> infos = consumer.partitionsFor(dlq, Duration.ofSeconds(20));
            if (infos == null || infos.isEmpty()) {
                return letters;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(dlq, i.partition()))
                    .sorted((a, b) -> a.partition() - b.partition()).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new LinkedHashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(20)));
            ends.entrySet().removeIf(e -> consumer.position(e.getKey(), Duration.ofSeconds(20)) >= e.getValue());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!ends.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = ends.get(tp);
                    if (end != null && r.offset() < end) {
                        letters.add(letter(r));
                    }
                }
                ends.entrySet().removeIf(e -> consumer.position(e.getKey(), Duration.ofSeconds(20)) >= e.getValue());
            }
        }
        letters.sort((a, b) -> a.at().compareTo(b.at()));
        return letters;
    }

    private static Letter letter(ConsumerRecord<String, String> r) {
        JsonNode event;
        try {
            event = r.value() == null ? JSON.createObjectNode() : JSON.readTree(r.value());
        } catch (Exception e) {
            event = JSON.createObjectNode();
        }
        if (event == null || !event.isObject()) {
            event = JSON.createObjectNode();
        }
        List<Header> headers = new ArrayList<>();
        r.headers().forEach(headers::add);
        return new Letter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(), r.value(), headers,
                event);
    }

    private static Properties consumerConfig(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return p;
    }

    private static Properties producerConfig(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }
}
