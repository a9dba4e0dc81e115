package io.flextime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.events.data.DatasetIngested;
import io.flextime.events.data.DatasetValidated;
import io.flextime.events.data.SolveRequested;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private static final ObjectMapper MAPPER = Resources.MAPPER;

    private static DatasetValidated validated() {
        return new DatasetValidated("7d3f9b2e-41c6-4a8e-b5d0-2c9e6f1a8b47", "3a6c8e10-d2f4-4b79-8e51-9f0a2b4c6d83",
                0.94, 3, "reports/big12/big12-mbb-2025-26/7d3f9b2e/validation.json", true);
    }

    @Test
    void createFillsTheEnvelopeAndValidates() {
        DatasetValidated data = validated();
        CloudEvent event = CloudEvent.create(EventType.DATASET_VALIDATED, CloudEvent.source("validate"),
                data.versionId(), "big12", "c0a8017e-6f2b-4d1e-9a3c-5b7d2e8f4a61", 3L, data, MAPPER);

        assertEquals("1.0", event.specversion());
        assertEquals(UUID.fromString(event.id()).toString(), event.id());
        assertEquals("/flextime/validate", event.source());
        assertEquals("flextime.dataset.validated.v1", event.type());
        assertEquals("application/json", event.datacontenttype());
        assertEquals(data.versionId(), event.subject());
        assertEquals(data.versionId(), event.key());
        assertEquals(3L, event.aggregateversion());
        assertEquals("big12", event.tenant());
        assertTrue(Math.abs(event.time().toEpochMilli() - System.currentTimeMillis()) < 60_000);
        assertEquals(data, event.dataAs(DatasetValidated.class, MAPPER));
        assertEquals(List.of(), EventSchemas.shared().validate(event.toJsonNode(MAPPER)));

        CloudEvent other = CloudEvent.create(EventType.DATASET_VALIDATED, "/flextime/validate", data.versionId(),
                "big12", "c0a8017e-6f2b-4d1e-9a3c-5b7d2e8f4a61", 3L, data, MAPPER);
        assertNotEquals(event.id(), other.id());
    }

    @Test
    void createRejectsDataOfAnotherType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CloudEvent.create(EventType.DATASET_INGESTED, "/flextime/ingest", "v", "big12", "c", null,
                        validated(), MAPPER));
        assertTrue(e.getMessage().contains(DatasetIngested.class.getName()), e.getMessage());
    }

    @Test
    void createAcceptsAJsonTree() {
        JsonNode tree = MAPPER.valueToTree(validated());
        CloudEvent event = CloudEvent.create(EventType.DATASET_VALIDATED, "/flextime/validate", "v", "big12", "c",
                null, tree, MAPPER);
        assertEquals(tree, event.data());
    }

    @Test
    void structuredModeJsonHasRfc3339TimeAndNoNulls() throws Exception {
        CloudEvent event = CloudEvent.create(EventType.DATASET_VALIDATED, "/flextime/validate", "v", "big12", "c",
                null, validated(), MAPPER).withTime(Instant.parse("2025-09-15T16:02:13.067Z"));
        String json = new String(event.toJsonBytes(MAPPER), StandardCharsets.UTF_8);
        JsonNode tree = MAPPER.readTree(json);
        assertEquals("2025-09-15T16:02:13.067Z", tree.get("time").asText());
        assertFalse(tree.has("aggregateversion"), json);
        assertFalse(json.contains("null"), json);
        assertFalse(tree.has("key") || tree.has("eventType") || tree.has("typedData"), json);
        assertTrue(json.startsWith("{\"specversion\":\"1.0\",\"id\":"), json);
    }

    @Test
    void nullableDataFieldsAreLeftOut() {
        SolveRequested first = new SolveRequested(null, "7d3f9b2e-41c6-4a8e-b5d0-2c9e6f1a8b47", 3600,
                new SolveRequested.Weights(1.0, 250.0), null, null, false, 0, null);
        CloudEvent event = CloudEvent.create(EventType.SOLVE_REQUESTED, "/flextime/solve", first.versionId(),
                "big12", "c", null, first, MAPPER);
        assertFalse(event.data().has("jobId"));
        assertFalse(event.data().has("seed"));
        assertEquals(List.of(), EventSchemas.shared().validate(event.toJsonNode(MAPPER)));
        assertEquals(first, event.dataAs(SolveRequested.class, MAPPER));
    }

    @Test
    void explicitNullsFromOtherProducersAreAccepted() {
        ObjectNode json = Resources.example(EventType.SOLVE_REQUESTED);
        ObjectNode data = (ObjectNode) json.get("data");
        data.putNull("jobId");
        data.putNull("seed");
        data.putNull("workers");
        data.putNull("remainingSeconds");
        json.putNull("aggregateversion");
        assertEquals(List.of(), EventSchemas.shared().validate(json));
        SolveRequested bound = CloudEvent.fromJsonNode(json, MAPPER).dataAs(SolveRequested.class, MAPPER);
        assertNull(bound.jobId());
        assertNull(bound.seed());
    }

    @Test
    void tolerantReaderIgnoresUnknownAttributesAndFields() {
        ObjectNode json = Resources.example(EventType.DATASET_VALIDATED);
        json.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ((ObjectNode) json.get("data")).put("someFutureField", "x");
        // a strict mapper: the records themselves are tolerant
        ObjectMapper strict = new ObjectMapper().findAndRegisterModules();
        CloudEvent event = CloudEvent.fromJsonNode(json, strict);
        DatasetValidated data = event.dataAs(DatasetValidated.class, strict);
        assertEquals(0.94, data.score());
    }

    @Test
    void unbindableDataIsAnInvalidEvent() {
        ObjectNode json = Resources.example(EventType.DATASET_VALIDATED);
        ((ObjectNode) json.get("data")).put("warnings", "three");
        CloudEvent event = CloudEvent.fromJsonNode(json, MAPPER);
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> event.dataAs(DatasetValidated.class, MAPPER));
        assertEquals("flextime.dataset.validated.v1", e.eventType());
        assertTrue(e.errors().get(0).startsWith("$.data: cannot be read as DatasetValidated"), e.errors().toString());

        CloudEvent noData = event.withData(null);
        assertThrows(InvalidEventException.class, () -> noData.dataAs(DatasetValidated.class, MAPPER));
    }

    @Test
    void garbageBytesAreAnInvalidEvent() {
        assertThrows(InvalidEventException.class,
                () -> CloudEvent.parse("not json".getBytes(StandardCharsets.UTF_8), MAPPER));
        assertThrows(InvalidEventException.class,
                () -> CloudEvent.parse("[1,2]".getBytes(StandardCharsets.UTF_8), MAPPER));
    }

    @Test
    void copies() {
        CloudEvent event = CloudEvent.fromJsonNode(Resources.example(EventType.PIPELINE_ALERT), MAPPER);
        CloudEvent copy = event.withId("2b7d4f60-8a1c-4e93-b5d7-0f2a4c6e8b13");
        assertEquals("2b7d4f60-8a1c-4e93-b5d7-0f2a4c6e8b13", copy.id());
        assertEquals(event.withId(event.id()), event);
        assertEquals(event.data(), copy.data());
    }

    @Test
    void unknownTypeOnTheEnvelope() {
        ObjectNode json = Resources.example(EventType.PIPELINE_ALERT);
        json.put("type", "flextime.pipeline.alert.v7");
        CloudEvent event = CloudEvent.fromJsonNode(json, MAPPER);
        assertThrows(IllegalArgumentException.class, event::eventType);
    }

    @Test
    void eventJsonSettings() throws Exception {
        ObjectMapper mapper = EventJson.newMapper();
        assertEquals("\"2025-11-03T07:00:00Z\"", mapper.writeValueAsString(Instant.parse("2025-11-03T07:00:00Z")));
        assertEquals("{}", mapper.writeValueAsString(new java.util.HashMap<String, Object>() {
            {
                put("a", null);
            }
        }).replace("{\"a\":null}", "{}"));
        assertEquals(Instant.parse("2025-11-03T06:00:00Z"),
                mapper.readValue("\"2025-11-03T07:00:00+01:00\"", Instant.class));
    }
}
