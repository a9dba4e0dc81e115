package io.flextime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract, checked for every event type against its schema, example, record and topic. */
class ContractTest {

    private final EventSchemas schemas = EventSchemas.shared();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void hasSchemaWithMatchingIdAndExample(EventType type) {
        assertTrue(Resources.exists(type.schemaResource()), "missing schema " + type.schemaResource());
        assertTrue(Resources.exists(type.exampleResource()), "missing example " + type.exampleResource());
        JsonNode schema = Resources.json(type.schemaResource());
        assertEquals(type.schemaId(), schema.path("$id").asText(), "$id of " + type.schemaResource());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals(type.type(), schema.path("properties").path("type").path("const").asText(),
                "schema must pin 'type' to the exact constant");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void topicIsListedInTopicsFile(EventType type) {
        assertTrue(Resources.topicsFile().contains(type.topic()), type.topic() + " missing from topics.txt");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleValidatesAgainstItsSchema(EventType type) {
        ObjectNode example = Resources.example(type);
        assertEquals(List.of(), schemas.validate(type, example), "errors in " + type.exampleResource());
        assertEquals(List.of(), schemas.validate(example), "errors in " + type.exampleResource());
        schemas.requireValid(example);
        schemas.requireValid(type, example);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleRoundTripsThroughTheRecords(EventType type) throws Exception {
        JsonNode original = Resources.example(type);

        CloudEvent event = Resources.MAPPER.treeToValue(original, CloudEvent.class);
        assertEquals(type, event.eventType());
        Record data = event.dataAs(type.dataClass(), Resources.MAPPER);
        assertInstanceOf(type.dataClass(), data);
        assertEquals(data, event.typedData(Resources.MAPPER));

        CloudEvent rebuilt = event.withData(Resources.MAPPER.valueToTree(data));
        JsonNode reparsed = Resources.MAPPER.readTree(Resources.MAPPER.writeValueAsString(rebuilt));
        assertEquals(original, reparsed, "round trip of " + type.exampleResource());

        // ... and through the Kafka record value bytes.
        // (records compare by value; JsonNode data would not: an int read back is not the long written)
        CloudEvent fromBytes = CloudEvent.parse(rebuilt.toJsonBytes(Resources.MAPPER), Resources.MAPPER);
        assertEquals(rebuilt.withData(null), fromBytes.withData(null));
        assertEquals(data, fromBytes.dataAs(type.dataClass(), Resources.MAPPER));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleSubjectIsTheAggregateIdOfItsData(EventType type) {
        ObjectNode example = Resources.example(type);
        JsonNode subjectField = example.path("data").path(type.subjectField());
        assertTrue(subjectField.isTextual(), type + ": data." + type.subjectField() + " missing");
        assertEquals(subjectField.asText(), example.path("subject").asText(),
                type + ": subject must be data." + type.subjectField());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleIsBig12Flavoured(EventType type) {
        ObjectNode example = Resources.example(type);
        assertEquals("big12", example.path("tenant").asText());
        assertTrue(example.path("source").asText().startsWith(CloudEvent.SOURCE_PREFIX));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRequiredDataFieldIsARecordComponent(EventType type) {
        JsonNode required = Resources.json(type.schemaResource()).path("$defs").path("data").path("required");
        assertTrue(required.isArray() && !required.isEmpty(), type + ": data lists no required fields");
        List<String> components = java.util.Arrays.stream(type.dataClass().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        for (JsonNode field : required) {
            assertTrue(components.contains(field.asText()),
                    type + ": required '" + field.asText() + "' is not a component of " + type.dataClass());
        }
        JsonNode properties = Resources.json(type.schemaResource()).path("$defs").path("data").path("properties");
        for (String component : components) {
            assertTrue(properties.has(component), type + ": component '" + component + "' not in the schema");
        }
    }
}
