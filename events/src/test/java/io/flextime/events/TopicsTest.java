package io.flextime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topicsFileListsExactlyAllTopics() {
        List<String> lines = Resources.topicsFile();
        assertEquals(Topics.all(), lines, "topics.txt must list the event topics in enum order, then the DLQs");
    }

    @Test
    void topicsFileListsNothingUnknown() {
        for (String line : Resources.topicsFile()) {
            if (Topics.isDlq(line)) {
                String function = line.substring(0, line.length() - Topics.DLQ_SUFFIX.length());
                assertTrue(Topics.CONSUMER_FUNCTIONS.contains(function), "unknown DLQ in topics.txt: " + line);
            } else {
                assertEquals(line, EventType.fromTopic(line).topic(), "unknown topic in topics.txt: " + line);
            }
        }
        assertEquals(Resources.topicsFile().size(), new HashSet<>(Resources.topicsFile()).size(), "duplicates");
    }

    @Test
    void dlqTopicPerConsumer() {
        assertEquals("validate.dlq", Topics.dlq("validate"));
        assertEquals(List.of("ingest.dlq", "validate.dlq", "solve.dlq", "export.dlq"), Topics.dlqTopics());
        assertEquals(Topics.INGEST_DLQ, Topics.dlq("ingest"));
        assertEquals(Topics.VALIDATE_DLQ, Topics.dlq("validate"));
        assertEquals(Topics.SOLVE_DLQ, Topics.dlq("solve"));
        assertEquals(Topics.EXPORT_DLQ, Topics.dlq("export"));
        assertThrows(IllegalArgumentException.class, () -> Topics.dlq(null));
        assertThrows(IllegalArgumentException.class, () -> Topics.dlq(""));
        assertThrows(IllegalArgumentException.class, () -> Topics.dlq("Validate"));
        assertThrows(IllegalArgumentException.class, () -> Topics.dlq("validate.dlq"));
    }

    @Test
    void allListsEventTopicsThenDlqs() {
        assertEquals(EventType.values().length + Topics.CONSUMER_FUNCTIONS.size(), Topics.all().size());
        assertTrue(Topics.all().containsAll(Topics.eventTopics()));
        assertFalse(Topics.eventTopics().stream().anyMatch(Topics::isDlq));
        assertThrows(UnsupportedOperationException.class, () -> Topics.all().add("x"));
    }

    @Test
    void topicConstantsMatchTheEnum() throws ReflectiveOperationException {
        for (EventType type : EventType.values()) {
            Field constant = Topics.class.getField(type.name());
            assertEquals(type.topic(), constant.get(null), "Topics." + type.name());
        }
        Set<String> constants = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            boolean eventConstant = Arrays.stream(EventType.values()).anyMatch(t -> t.name().equals(field.getName()));
            if (Modifier.isStatic(field.getModifiers()) && (eventConstant || field.getName().endsWith("_DLQ"))) {
                constants.add((String) field.get(null));
            }
        }
        assertEquals(new HashSet<>(Topics.all()), constants);
    }
}
