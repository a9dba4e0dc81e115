package io.flextime.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured mode: the whole envelope is one JSON document (the Kafka record
 * value, with header {@code content-type: application/cloudevents+json}).
 *
 * <p>Extension attributes: {@code correlationid} (one id from upload to webhook), {@code aggregateversion}
 * (version of the aggregate named by {@code subject}, when it has one) and {@code tenant} (the conference).
 * Unknown attributes are ignored on read (tolerant reader). Null attributes are not written.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event (a UUID); consumers de-duplicate on it
 * @param source the producing function, e.g. {@code /flextime/ingest}
 * @param type e.g. {@code flextime.dataset.ingested.v1}; see {@link EventType}
 * @param datacontenttype always {@value #DATA_CONTENT_TYPE}
 * @param subject the aggregate id, also the Kafka record key; see {@link EventType#subjectField()}
 * @param time when the occurrence happened, written as RFC 3339 in UTC
 * @param correlationid extension: the run this event belongs to
 * @param aggregateversion extension: version of the subject aggregate, or null
 * @param tenant extension: the conference, e.g. {@code big12}
 * @param data the payload; bind it with {@link #dataAs(Class, ObjectMapper)}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"specversion", "id", "source", "type", "datacontenttype", "subject", "time", "correlationid",
        "aggregateversion", "tenant", "data"})
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String datacontenttype,
        String subject,
        Instant time,
        String correlationid,
        Long aggregateversion,
        String tenant,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    /** The {@code datacontenttype} of every FlexTime event. */
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** Content type of a structured-mode record ({@code content-type} Kafka header). */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
    /** Prefix of {@code source}: {@code /flextime/<function>}. */
    public static final String SOURCE_PREFIX = "/flextime/";

    /**
     * A new event of the given type with a random id and the current time (millisecond precision).
     *
     * @param data the type's data record (an instance of {@link EventType#dataClass()}), or a JsonNode
     * @throws IllegalArgumentException if {@code data} is not of the type's data class
     */
    public static CloudEvent create(EventType type, String source, String subject, String tenant,
            String correlationId, Long aggregateVersion, Object data, ObjectMapper mapper) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(data, "data");
        if (!(data instanceof JsonNode) && !type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException("Event " + type.type() + " carries " + type.dataClass().getName()
                    + ", not " + data.getClass().getName());
        }
        JsonNode tree = data instanceof JsonNode node ? node : mapper.valueToTree(data);
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(), DATA_CONTENT_TYPE,
                subject, Instant.now().truncatedTo(ChronoUnit.MILLIS), correlationId, aggregateVersion, tenant, tree);
    }

    /** The source of a FlexTime function: {@code source("ingest")} is {@code /flextime/ingest}. */
    public static String source(String function) {
        return SOURCE_PREFIX + function;
    }

    /**
     * Binds {@code data} to a Java type (normally {@code eventType().dataClass()}).
     *
     * @throws InvalidEventException if the data is missing or does not bind
     */
    public <T> T dataAs(Class<T> cls, ObjectMapper mapper) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw new InvalidEventException(type, List.of("$.data: is missing"));
        }
        try {
            return mapper.treeToValue(data, cls);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new InvalidEventException(type, List.of("$.data: cannot be read as " + cls.getSimpleName()
                    + ": " + detail), e);
        }
    }

    /** Binds {@code data} to the record of this event's type. */
    public Record typedData(ObjectMapper mapper) {
        return dataAs(eventType().dataClass(), mapper);
    }

    /**
     * The {@link EventType} named by {@code type}.
     *
     * @throws IllegalArgumentException if the type is unknown
     */
    public EventType eventType() {
        return EventType.fromType(type);
    }

    /** The Kafka record key: the {@code subject}. */
    public String key() {
        return subject;
    }

    /** A copy with another id (e.g. a deterministic id derived from the input event). */
    public CloudEvent withId(String newId) {
        return new CloudEvent(specversion, newId, source, type, datacontenttype, subject, time, correlationid,
                aggregateversion, tenant, data);
    }

    /** A copy with another time. */
    public CloudEvent withTime(Instant newTime) {
        return new CloudEvent(specversion, id, source, type, datacontenttype, subject, newTime, correlationid,
                aggregateversion, tenant, data);
    }

    /** A copy with other data. */
    public CloudEvent withData(JsonNode newData) {
        return new CloudEvent(specversion, id, source, type, datacontenttype, subject, time, correlationid,
                aggregateversion, tenant, newData);
    }

    /** The envelope as a JSON tree (e.g. to validate it with {@link EventSchemas}). */
    public JsonNode toJsonNode(ObjectMapper mapper) {
        return mapper.valueToTree(this);
    }

    /** The envelope as UTF-8 JSON bytes: the Kafka record value. */
    public byte[] toJsonBytes(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write event " + id + " of type " + type, e);
        }
    }

    /**
     * Reads an envelope from JSON bytes (a Kafka record value). Does not validate: see
     * {@link EventSchemas#requireValid(JsonNode)}.
     *
     * @throws InvalidEventException if the bytes are not a JSON object of envelope shape
     */
    public static CloudEvent parse(byte[] json, ObjectMapper mapper) {
        try {
            return mapper.readValue(json, CloudEvent.class);
        } catch (IOException e) {
            throw new InvalidEventException(null, List.of("$: not a CloudEvents JSON envelope: " + e.getMessage()),
                    e);
        }
    }

    /** Reads an envelope from a JSON tree. */
    public static CloudEvent fromJsonNode(JsonNode json, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(json, CloudEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException(json == null || json.get("type") == null ? null : json.get("type").asText(),
                    List.of("$: not a CloudEvents JSON envelope: " + e.getMessage()), e);
        }
    }
}
