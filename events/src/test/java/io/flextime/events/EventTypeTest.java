package io.flextime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void namingRules(EventType type) {
        assertTrue(type.type().matches("flextime\\.[a-z0-9-]+\\.[a-z0-9-]+\\.v1"), type.type());
        assertEquals(type.type().substring("flextime.".length()), type.topic());
        assertSame(type, EventType.fromType(type.type()));
        assertSame(type, EventType.fromTopic(type.topic()));
        assertTrue(type.dataClass().isRecord());
        assertEquals("io.flextime.events.data", type.dataClass().getPackageName());
        assertEquals("flextime/events/schemas/" + type.topic() + ".schema.json", type.schemaResource());
        assertEquals("flextime/events/examples/" + type.topic() + ".json", type.exampleResource());
        assertEquals("https://flextime.io/schemas/events/" + type.topic() + ".schema.json", type.schemaId());
    }

    @Test
    void everyTypeHasARecordOfItsOwn() {
        assertTrue(EventType.values().length >= 17, "the contract's types, solve.unfinished among them");
        assertEquals(EventType.values().length,
                new HashSet<>(Arrays.stream(EventType.values()).map(EventType::dataClass).toList()).size());
    }

    @Test
    void unknownTypeIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventType.fromType("flextime.dataset.ingested.v2"));
        assertTrue(e.getMessage().contains("'flextime.dataset.ingested.v2'"), e.getMessage());
        assertTrue(e.getMessage().contains("flextime.dataset.ingested.v1"), "lists the known types");
        assertThrows(IllegalArgumentException.class, () -> EventType.fromType(null));
        assertThrows(IllegalArgumentException.class, () -> EventType.fromType("dataset.ingested.v1"));
    }

    @Test
    void unknownTopicIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventType.fromTopic("flextime.dataset.ingested.v1"));
        assertTrue(e.getMessage().contains("'flextime.dataset.ingested.v1'"), e.getMessage());
        IllegalArgumentException dlq = assertThrows(IllegalArgumentException.class,
                () -> EventType.fromTopic("validate.dlq"));
        assertTrue(dlq.getMessage().contains("dead-letter"), dlq.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventType.fromTopic(null));
    }
}
