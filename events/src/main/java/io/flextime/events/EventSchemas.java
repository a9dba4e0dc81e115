package io.flextime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas (draft 2020-12) of the event contract, loaded from the class path and cached.
 *
 * <p>Each type's schema validates the whole structured-mode envelope: it references the shared
 * {@code cloudevent.schema.json} and pins {@code type} and {@code data}. Schema ids under
 * {@value #ID_PREFIX} are mapped to {@code classpath:flextime/events/schemas/}, so validation never touches
 * the network (any other {@code $ref} is refused, not fetched). Formats ({@code uuid},
 * {@code date-time}, ...) are asserted, not just annotated.
 *
 * <p>Thread-safe; {@link #shared()} is a process-wide instance.
 */
public final class EventSchemas {

    /** The {@code $id} prefix of every FlexTime event schema. */
    public static final String ID_PREFIX = "https://flextime.io/schemas/events/";
    /** The {@code $id} of the shared envelope schema. */
    public static final String ENVELOPE_SCHEMA_ID = ID_PREFIX + "cloudevent.schema.json";

    private static final String CLASSPATH_PREFIX = "classpath:" + EventType.SCHEMA_FOLDER;

    private static final class Holder {
        static final EventSchemas SHARED = new EventSchemas();
    }

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<EventType, JsonSchema> cache = new ConcurrentHashMap<>();

    public EventSchemas() {
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX))
                // Offline by construction: any $ref that is not mapped to the class path (ours, or the
                // library's bundled meta-schemas) fails instead of being fetched.
                .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                        iri -> iri.toString().startsWith("classpath:") || iri.toString().startsWith("resource:")))));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
    }

    /** A process-wide instance. */
    public static EventSchemas shared() {
        return Holder.SHARED;
    }

    /**
     * Loads and compiles every schema now (call at start-up to fail fast).
     *
     * @throws IllegalStateException if a schema is missing or broken
     */
    public EventSchemas loadAll() {
        for (EventType type : EventType.values()) {
            schema(type);
        }
        return this;
    }

    /**
     * The compiled schema of a type, loaded on first use.
     *
     * @throws IllegalStateException if the schema is missing or broken
     */
    public JsonSchema schema(EventType type) {
        return cache.computeIfAbsent(type, this::load);
    }

    private JsonSchema load(EventType type) {
        try {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(type.schemaId()), config);
            schema.initializeValidators(); // resolve $refs now, not on the first event
            return schema;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot load the JSON Schema of " + type.type() + " ("
                    + type.schemaResource() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Validates an envelope against the schema of the given type (a wrong {@code type} attribute is an
     * error).
     *
     * @return readable errors, each "path: message"; empty if valid
     */
    public List<String> validate(EventType type, JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            return List.of("$: must be a JSON object (a CloudEvents structured-mode envelope)");
        }
        Set<ValidationMessage> messages = schema(type).validate(envelope);
        List<String> errors = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            errors.add(message.getInstanceLocation() + ": " + message.getError());
        }
        return errors;
    }

    /**
     * Validates an envelope against the schema of the type it names.
     *
     * @return readable errors; an unknown or missing {@code type} is an error
     */
    public List<String> validate(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            return List.of("$: must be a JSON object (a CloudEvents structured-mode envelope)");
        }
        JsonNode typeNode = envelope.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return List.of("$.type: is missing or not a string");
        }
        EventType type;
        try {
            type = EventType.fromType(typeNode.asText());
        } catch (IllegalArgumentException e) {
            return List.of("$.type: " + e.getMessage());
        }
        return validate(type, envelope);
    }

    /**
     * Requires an envelope to be valid for the type it names.
     *
     * @throws InvalidEventException naming the type and the errors
     */
    public void requireValid(JsonNode envelope) {
        List<String> errors = validate(envelope);
        if (!errors.isEmpty()) {
            throw new InvalidEventException(typeOf(envelope), errors);
        }
    }

    /**
     * Requires an envelope to be a valid event of the expected type (e.g. the type of the topic it came from).
     *
     * @throws InvalidEventException naming the type and the errors
     */
    public void requireValid(EventType expected, JsonNode envelope) {
        List<String> errors = validate(expected, envelope);
        if (!errors.isEmpty()) {
            String actual = typeOf(envelope);
            throw new InvalidEventException(actual == null ? expected.type() : actual, errors);
        }
    }

    /** The configured factory (class-path mapping, no network); for tests. */
    JsonSchemaFactory factory() {
        return factory;
    }

    private static String typeOf(JsonNode envelope) {
        JsonNode type = envelope == null ? null : envelope.get("type");
        return type != null && type.isTextual() ? type.asText() : null;
    }
}
