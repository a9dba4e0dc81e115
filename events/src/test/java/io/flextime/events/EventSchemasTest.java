package io.flextime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    @Test
    void loadsEverySchemaAndCachesIt() {
        EventSchemas schemas = new EventSchemas().loadAll();
        for (EventType type : EventType.values()) {
            assertSame(schemas.schema(type), schemas.schema(type));
        }
        assertSame(EventSchemas.shared(), EventSchemas.shared());
    }

    @Test
    void envelopeSchemaResolvesFromTheClassPath() {
        JsonSchema envelope = EventSchemas.shared().factory()
                .getSchema(SchemaLocation.of(EventSchemas.ENVELOPE_SCHEMA_ID));
        ObjectNode event = Resources.example(EventType.EXPORT_COMPLETED);
        assertTrue(envelope.validate(event).isEmpty());
        event.remove("tenant");
        assertEquals(1, envelope.validate(event).size());
    }

    @Test
    void neverFetchesSchemasFromTheNetwork() {
        // An id under our prefix that is not on the class path, and a foreign one: both refused, not fetched.
        RuntimeException missing = assertThrows(RuntimeException.class, () -> EventSchemas.shared().factory()
                .getSchema(SchemaLocation.of(EventSchemas.ID_PREFIX + "nope.v1.schema.json")).initializeValidators());
        assertTrue(String.valueOf(missing.getMessage()).contains("nope.v1.schema.json"), missing.getMessage());
        RuntimeException foreign = assertThrows(RuntimeException.class, () -> EventSchemas.shared().factory()
                .getSchema(SchemaLocation.of("https://example.com/schemas/thing.json")).initializeValidators());
        assertTrue(String.valueOf(foreign.getMessage()).contains("not allowed"), foreign.getMessage());
    }

    @Test
    void errorsNamePathAndProblem() {
        ObjectNode event = Resources.example(EventType.DATASET_VALIDATED);
        event.remove("correlationid");
        ((ObjectNode) event.get("data")).remove("reportId");
        event.put("specversion", "0.3");
        List<String> errors = EventSchemas.shared().validate(event);
        assertEquals(3, errors.size(), errors.toString());
        for (String error : errors) {
            assertTrue(error.startsWith("$"), error);
        }
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventSchemas.shared().requireValid(event));
        assertTrue(e.getMessage().startsWith("Invalid event of type 'flextime.dataset.validated.v1' (3 errors): "),
                e.getMessage());
    }
}
