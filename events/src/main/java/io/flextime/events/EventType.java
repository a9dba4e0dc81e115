package io.flextime.events;

import io.flextime.events.data.BackupCompleted;
import io.flextime.events.data.BackupVerified;
import io.flextime.events.data.DatasetIngestFailed;
import io.flextime.events.data.DatasetIngested;
import io.flextime.events.data.DatasetRejected;
import io.flextime.events.data.DatasetValidated;
import io.flextime.events.data.ExportCompleted;
import io.flextime.events.data.IngestRequested;
import io.flextime.events.data.PipelineAlert;
import io.flextime.events.data.RestoreCompleted;
import io.flextime.events.data.ScheduleInfeasible;
import io.flextime.events.data.SchedulePublished;
import io.flextime.events.data.ScheduleSolved;
import io.flextime.events.data.SolveProgress;
import io.flextime.events.data.SolveRequested;
import io.flextime.events.data.SolveUnfinished;
import io.flextime.events.data.WebhookDeadLettered;
import io.flextime.events.data.WebhookDelivered;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the contract. The CloudEvents {@code type} is {@code flextime.<aggregate>.<event>.v1};
 * its Kafka topic is the same without the {@code flextime.} prefix. A breaking change to a type's data is a
 * new constant ending in {@code .v2} (new type, new topic); additive optional fields stay in v1.
 */
public enum EventType {

    INGEST_REQUESTED(Topics.INGEST_REQUESTED, IngestRequested.class, "key"),
    DATASET_INGESTED(Topics.DATASET_INGESTED, DatasetIngested.class, "versionId"),
    DATASET_INGEST_FAILED(Topics.DATASET_INGEST_FAILED, DatasetIngestFailed.class, "sourceKey"),
    DATASET_VALIDATED(Topics.DATASET_VALIDATED, DatasetValidated.class, "versionId"),
    DATASET_REJECTED(Topics.DATASET_REJECTED, DatasetRejected.class, "versionId"),
    SOLVE_REQUESTED(Topics.SOLVE_REQUESTED, SolveRequested.class, "versionId"),
    SOLVE_PROGRESS(Topics.SOLVE_PROGRESS, SolveProgress.class, "jobId"),
    SCHEDULE_SOLVED(Topics.SCHEDULE_SOLVED, ScheduleSolved.class, "scheduleVersionId"),
    SCHEDULE_INFEASIBLE(Topics.SCHEDULE_INFEASIBLE, ScheduleInfeasible.class, "jobId"),
    SOLVE_UNFINISHED(Topics.SOLVE_UNFINISHED, SolveUnfinished.class, "jobId"),
    SCHEDULE_PUBLISHED(Topics.SCHEDULE_PUBLISHED, SchedulePublished.class, "scheduleVersionId"),
    EXPORT_COMPLETED(Topics.EXPORT_COMPLETED, ExportCompleted.class, "scheduleVersionId"),
    WEBHOOK_DELIVERED(Topics.WEBHOOK_DELIVERED, WebhookDelivered.class, "deliveryId"),
    WEBHOOK_DEAD_LETTERED(Topics.WEBHOOK_DEAD_LETTERED, WebhookDeadLettered.class, "deliveryId"),
    BACKUP_COMPLETED(Topics.BACKUP_COMPLETED, BackupCompleted.class, "backupId"),
    BACKUP_VERIFIED(Topics.BACKUP_VERIFIED, BackupVerified.class, "backupId"),
    RESTORE_COMPLETED(Topics.RESTORE_COMPLETED, RestoreCompleted.class, "restoreId"),
    PIPELINE_ALERT(Topics.PIPELINE_ALERT, PipelineAlert.class, "stage");

    /** Prefix of every CloudEvents {@code type} of FlexTime. */
    public static final String PREFIX = "flextime.";
    /** Class-path folder of the JSON Schemas (no leading slash). */
    public static final String SCHEMA_FOLDER = "flextime/events/schemas/";
    /** Class-path folder of the examples (no leading slash). */
    public static final String EXAMPLE_FOLDER = "flextime/events/examples/";

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<String, EventType> BY_TOPIC =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::topic, Function.identity()));

    private final String topic;
    private final String type;
    private final Class<? extends Record> dataClass;
    private final String subjectField;

    EventType(String topic, Class<? extends Record> dataClass, String subjectField) {
        this.topic = topic;
        this.type = PREFIX + topic;
        this.dataClass = dataClass;
        this.subjectField = subjectField;
    }

    /** The CloudEvents {@code type}, e.g. {@code flextime.dataset.ingested.v1}. */
    public String type() {
        return type;
    }

    /** The Kafka topic, e.g. {@code dataset.ingested.v1}. */
    public String topic() {
        return topic;
    }

    /** The Java record of the event's {@code data}. */
    public Class<? extends Record> dataClass() {
        return dataClass;
    }

    /**
     * The property of {@code data} whose value is the event's {@code subject} (and so the Kafka record key):
     * the aggregate id, e.g. {@code versionId} for dataset events.
     */
    public String subjectField() {
        return subjectField;
    }

    /** Class-path path (no leading slash) of the JSON Schema of the whole envelope of this type. */
    public String schemaResource() {
        return SCHEMA_FOLDER + topic + ".schema.json";
    }

    /** The schema's {@code $id}. */
    public String schemaId() {
        return EventSchemas.ID_PREFIX + topic + ".schema.json";
    }

    /** Class-path path (no leading slash) of a realistic example event of this type. */
    public String exampleResource() {
        return EXAMPLE_FOLDER + topic + ".json";
    }

    /**
     * The event type of a CloudEvents {@code type} attribute.
     *
     * @throws IllegalArgumentException if the type is null or not one of ours
     */
    public static EventType fromType(String type) {
        EventType found = type == null ? null : BY_TYPE.get(type);
        if (found == null) {
            throw new IllegalArgumentException("Unknown FlexTime event type '" + type + "'; expected one of "
                    + Arrays.stream(values()).map(EventType::type).toList());
        }
        return found;
    }

    /**
     * The event type carried by a Kafka topic.
     *
     * @throws IllegalArgumentException if the topic is null, a dead-letter topic, or not one of ours
     */
    public static EventType fromTopic(String topic) {
        EventType found = topic == null ? null : BY_TOPIC.get(topic);
        if (found == null) {
            String hint = Topics.isDlq(topic) ? " (a dead-letter topic carries events of several types; use the"
                    + " record's 'type' attribute)" : "";
            throw new IllegalArgumentException("Unknown FlexTime event topic '" + topic + "'" + hint
                    + "; expected one of " + Arrays.stream(values()).map(EventType::topic).toList());
        }
        return found;
    }
}
