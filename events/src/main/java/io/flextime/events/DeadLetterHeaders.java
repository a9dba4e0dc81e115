package io.flextime.events;

/**
 * Kafka headers on a record in a {@code <function>.dlq} topic. The {@code dead-letter-*} names are the ones
 * SmallRye Reactive Messaging's dead-letter-queue failure strategy writes, so a record dead-lettered by
 * SmallRye (local/long-running mode) and one dead-lettered by our own Lambda batch handler look the same.
 * The record keeps the original key, value and headers (including {@code content-type}).
 */
public final class DeadLetterHeaders {

    /** Failure message of the exception that caused the dead-lettering. */
    public static final String REASON = "dead-letter-reason";
    /** Message of the exception's cause, if any. */
    public static final String CAUSE = "dead-letter-cause";
    /** Class name of the exception. */
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    /** Class name of the exception's cause, if any. */
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    /** Topic the record was consumed from (to replay it). */
    public static final String TOPIC = "dead-letter-topic";
    /** Partition the record was consumed from. */
    public static final String PARTITION = "dead-letter-partition";
    /** Offset the record was consumed from. */
    public static final String OFFSET = "dead-letter-offset";
    /** FlexTime: name of the consuming function that gave up (ingest, validate, solve, export). */
    public static final String CONSUMER = "flextime-consumer";
    /** FlexTime: how many times the consumer ran its handler (0: refused before, e.g. an invalid envelope). */
    public static final String ATTEMPTS = "flextime-attempts";
    /** FlexTime, on a redriven record: the dead letter it came from, {@code <dlq>/<partition>@<offset>}. */
    public static final String REDRIVEN_FROM = "flextime-redriven-from";

    /** True for the headers this class names, which a dead-lettering writes afresh and a redrive drops. */
    public static boolean isDeadLetterHeader(String key) {
        return key.startsWith("dead-letter-") || CONSUMER.equals(key) || ATTEMPTS.equals(key);
    }

    private DeadLetterHeaders() {
    }
}
