package io.flextime.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kafka topic names. One topic per event type (the type without the {@code flextime.} prefix) and one
 * dead-letter topic per consuming function ({@code <function>.dlq}).
 *
 * <p>The constants are compile-time constants so they can be used in annotations; {@code
 * EventType.PREFIX + Topics.X} is the matching CloudEvents {@code type}. {@code
 * flextime/events/topics.txt} on the class path lists {@link #all()} for scripts; a contract test keeps
 * the enum, these constants and the file in step.
 */
public final class Topics {

    public static final String INGEST_REQUESTED = "ingest.requested.v1";
    public static final String DATASET_INGESTED = "dataset.ingested.v1";
    public static final String DATASET_INGEST_FAILED = "dataset.ingest-failed.v1";
    public static final String DATASET_VALIDATED = "dataset.validated.v1";
    public static final String DATASET_REJECTED = "dataset.rejected.v1";
    public static final String SOLVE_REQUESTED = "solve.requested.v1";
    public static final String SOLVE_PROGRESS = "solve.progress.v1";
    public static final String SCHEDULE_SOLVED = "schedule.solved.v1";
    public static final String SCHEDULE_INFEASIBLE = "schedule.infeasible.v1";
    public static final String SOLVE_UNFINISHED = "solve.unfinished.v1";
    public static final String SCHEDULE_PUBLISHED = "schedule.published.v1";
    public static final String EXPORT_COMPLETED = "export.completed.v1";
    public static final String WEBHOOK_DELIVERED = "webhook.delivered.v1";
    public static final String WEBHOOK_DEAD_LETTERED = "webhook.dead-lettered.v1";
    public static final String BACKUP_COMPLETED = "backup.completed.v1";
    public static final String BACKUP_VERIFIED = "backup.verified.v1";
    public static final String RESTORE_COMPLETED = "restore.completed.v1";
    public static final String PIPELINE_ALERT = "pipeline.alert.v1";

    /** Suffix of a dead-letter topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    public static final String INGEST_DLQ = "ingest" + DLQ_SUFFIX;
    public static final String VALIDATE_DLQ = "validate" + DLQ_SUFFIX;
    public static final String SOLVE_DLQ = "solve" + DLQ_SUFFIX;
    public static final String EXPORT_DLQ = "export" + DLQ_SUFFIX;

    /** The functions that consume Kafka topics, hence own a dead-letter topic. */
    public static final List<String> CONSUMER_FUNCTIONS = List.of("ingest", "validate", "solve", "export");

    /** Class-path resource listing every topic, one per line (read by the local stack script). */
    public static final String TOPICS_RESOURCE = "flextime/events/topics.txt";

    /** Kafka record header carrying the structured-mode content type. */
    public static final String CONTENT_TYPE_HEADER = "content-type";

    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private Topics() {
    }

    /**
     * The dead-letter topic of a consuming function: {@code dlq("validate")} is {@code "validate.dlq"}.
     *
     * @throws IllegalArgumentException if the name is not a lower-case function name
     */
    public static String dlq(String consumerFunction) {
        if (consumerFunction == null || !FUNCTION_NAME.matcher(consumerFunction).matches()) {
            throw new IllegalArgumentException("Not a function name (expected lower-case like 'validate'): '"
                    + consumerFunction + "'");
        }
        return consumerFunction + DLQ_SUFFIX;
    }

    /** True if the topic is a dead-letter topic. */
    public static boolean isDlq(String topic) {
        return topic != null && topic.endsWith(DLQ_SUFFIX);
    }

    /** The event topics, in {@link EventType} declaration order. */
    public static List<String> eventTopics() {
        return Arrays.stream(EventType.values()).map(EventType::topic).toList();
    }

    /** The dead-letter topics, one per {@link #CONSUMER_FUNCTIONS consumer function}. */
    public static List<String> dlqTopics() {
        return CONSUMER_FUNCTIONS.stream().map(Topics::dlq).toList();
    }

    /** Every topic: the event topics followed by the dead-letter topics. */
    public static List<String> all() {
        List<String> all = new ArrayList<>(eventTopics());
        all.addAll(dlqTopics());
        return Collections.unmodifiableList(all);
    }
}
