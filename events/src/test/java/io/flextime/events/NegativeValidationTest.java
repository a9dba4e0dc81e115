package io.flextime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Events that break the contract must fail validation, with errors that say where. */
class NegativeValidationTest {

    private final EventSchemas schemas = EventSchemas.shared();

    private static boolean mentions(List<String> errors, String text) {
        return errors.stream().anyMatch(e -> e.contains(text));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void wrongTypeValueFails(EventType type) {
        EventType other = EventType.values()[(type.ordinal() + 1) % EventType.values().length];
        ObjectNode event = Resources.example(type);
        event.put("type", other.type());

        List<String> errors = schemas.validate(type, event);
        assertTrue(mentions(errors, "$.type"), errors.toString());
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> schemas.requireValid(type, event));
        assertEquals(other.type(), e.eventType());
        assertTrue(e.getMessage().contains(other.type()), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"flextime.dataset.ingested.v9", "dataset.ingested.v1", "com.example.thing"})
    void unknownTypeFails(String badType) {
        ObjectNode event = Resources.example(EventType.DATASET_INGESTED);
        event.put("type", badType);
        List<String> errors = schemas.validate(event);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("$.type: Unknown FlexTime event type '" + badType + "'"), errors.get(0));
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> schemas.requireValid(event));
        assertEquals(badType, e.eventType());
    }

    @Test
    void missingTypeFails() {
        ObjectNode event = Resources.example(EventType.DATASET_INGESTED);
        event.remove("type");
        assertEquals(List.of("$.type: is missing or not a string"), schemas.validate(event));
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> schemas.requireValid(event));
        assertEquals(null, e.eventType());
        assertTrue(e.getMessage().contains("<no type>"), e.getMessage());
        assertTrue(mentions(schemas.validate(EventType.DATASET_INGESTED, event), "type"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void missingCorrelationIdFails(EventType type) {
        ObjectNode event = Resources.example(type);
        event.remove("correlationid");
        List<String> errors = schemas.validate(type, event);
        assertTrue(mentions(errors, "correlationid"), errors.toString());
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> schemas.requireValid(event));
        assertEquals(type.type(), e.eventType());
        assertTrue(e.getMessage().contains(type.type()) && e.getMessage().contains("correlationid"), e.getMessage());
        assertEquals(errors, e.errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "source", "type", "datacontenttype", "subject", "time", "tenant",
            "data"})
    void missingEnvelopeAttributeFails(String attribute) {
        ObjectNode event = Resources.example(EventType.SCHEDULE_SOLVED);
        event.remove(attribute);
        List<String> errors = schemas.validate(EventType.SCHEDULE_SOLVED, event);
        assertTrue(mentions(errors, attribute), errors.toString());
    }

    static Stream<Arguments> requiredDataFields() {
        return Stream.of(EventType.values()).flatMap(type -> {
            JsonNode required = Resources.json(type.schemaResource()).path("$defs").path("data").path("required");
            return StreamSupport.stream(required.spliterator(), false).map(f -> Arguments.of(type, f.asText()));
        });
    }

    @ParameterizedTest(name = "{0} without data.{1}")
    @MethodSource("requiredDataFields")
    void missingRequiredDataFieldFails(EventType type, String field) {
        ObjectNode event = Resources.example(type);
        assertTrue(event.path("data").has(field), "example of " + type + " lacks required " + field);
        ((ObjectNode) event.get("data")).remove(field);
        List<String> errors = schemas.validate(type, event);
        assertTrue(mentions(errors, "$.data") && mentions(errors, field), errors.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.3", "1", "1.0.0", "2.0", ""})
    void wrongSpecVersionFails(String version) {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.put("specversion", version);
        List<String> errors = schemas.validate(event);
        assertTrue(mentions(errors, "$.specversion"), errors.toString());
    }

    @Test
    void numericSpecVersionFails() {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.put("specversion", 1.0);
        assertTrue(mentions(schemas.validate(event), "$.specversion"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "", "7d3f9b2e41c64a8eb5d02c9e6f1a8b47"})
    void idMustBeAUuid(String id) {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.put("id", id);
        assertTrue(mentions(schemas.validate(event), "$.id"), schemas.validate(event).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-09-15", "2025-09-15T16:02:11", "2025-09-15 16:02:11Z",
            "1757952131482"})
    void timeMustBeRfc3339(String time) {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.put("time", time);
        assertTrue(mentions(schemas.validate(event), "$.time"), time + " " + schemas.validate(event));
    }

    @Test
    void rfc3339WithOffsetIsFine() {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.put("time", "2025-09-15T11:02:11.482-05:00");
        assertEquals(List.of(), schemas.validate(event));
    }

    @Test
    void dataContentTypeMustBeJson() {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.put("datacontenttype", "application/xml");
        assertTrue(mentions(schemas.validate(event), "$.datacontenttype"));
    }

    @Test
    void dataMustBeAnObject() {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.set("data", TextNode.valueOf("{\"versionId\":\"x\"}"));
        assertTrue(mentions(schemas.validate(event), "$.data"));
        event.remove("data");
        event.put("data_base64", "eyJ2ZXJzaW9uSWQiOiJ4In0=");
        assertFalse(schemas.validate(event).isEmpty());
    }

    @Test
    void wrongDataFieldTypeFails() {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        ((ObjectNode) event.get("data")).put("score", 1.5);
        ((ObjectNode) event.get("data")).put("warnings", "three");
        List<String> errors = schemas.validate(event);
        assertTrue(mentions(errors, "$.data.score"), errors.toString());
        assertTrue(mentions(errors, "$.data.warnings"), errors.toString());
    }

    @Test
    void nestedRequiredFieldFails() {
        ObjectNode event = Resources.example(EventType.DATASET_INGESTED);
        ((ObjectNode) event.get("data").get("counts")).remove("teams");
        List<String> errors = schemas.validate(event);
        assertTrue(mentions(errors, "$.data.counts") && mentions(errors, "teams"), errors.toString());
    }

    @Test
    void incrementalBackupNeedsItsParent() {
        ObjectNode event = Resources.example(EventType.BACKUP_COMPLETED);
        ((ObjectNode) event.get("data")).remove("parentBackupId");
        assertTrue(mentions(schemas.validate(event), "parentBackupId"), schemas.validate(event).toString());
        ((ObjectNode) event.get("data")).put("kind", "FULL");
        assertEquals(List.of(), schemas.validate(event));
        ((ObjectNode) event.get("data")).put("kind", "DIFFERENTIAL");
        assertTrue(mentions(schemas.validate(event), "$.data.kind"));
    }

    @Test
    void enumValuesAreChecked() {
        ObjectNode solved = Resources.example(EventType.SCHEDULE_SOLVED);
        ((ObjectNode) solved.get("data")).put("status", "INFEASIBLE");
        assertTrue(mentions(schemas.validate(solved), "$.data.status"));
        ObjectNode ingest = Resources.example(EventType.INGEST_REQUESTED);
        ((ObjectNode) ingest.get("data")).put("format", "docx");
        assertTrue(mentions(schemas.validate(ingest), "$.data.format"));
        ((ObjectNode) ingest.get("data")).putNull("format");
        assertEquals(List.of(), schemas.validate(ingest), "a null format means: detect it");
    }

    @Test
    void upperCaseAttributeNamesAreNotCloudEvents() {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.put("CorrelationId", "x");
        assertFalse(schemas.validate(event).isEmpty());
    }

    @Test
    void forwardCompatibleAdditionsAreValid() {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ((ObjectNode) event.get("data")).put("someFutureField", 42);
        assertEquals(List.of(), schemas.validate(event));
    }

    @Test
    void notAnObjectFails() {
        assertEquals(1, schemas.validate(TextNode.valueOf("hello")).size());
        assertEquals(1, schemas.validate(EventType.PIPELINE_ALERT, null).size());
        assertThrows(InvalidEventException.class, () -> schemas.requireValid(null));
    }
}
