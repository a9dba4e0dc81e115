package io.flextime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One definition of an id: what {@link Ids} accepts is exactly what the event schemas accept. */
class IdsTest {
    private final EventSchemas schemas = EventSchemas.shared();

    @ParameterizedTest
    @ValueSource(strings = {"big12-mbb-2025-26", "itc2021-early-1", "a", "big12-2025_26", "Big12", "big12.2025",
            "-leading-dash", "", "x1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"})
    void aSeasonKeyIsValidInEveryEventThatCarriesOneExactlyWhenIdsSaysSo(String key) {
        boolean accepted = Ids.SEASON_KEY.matches(key);
        for (EventType type : List.of(EventType.DATASET_INGESTED, EventType.SCHEDULE_SOLVED, EventType.EXPORT_COMPLETED)) {
            ObjectNode event = Resources.example(type);
            ((ObjectNode) event.get("data")).put("season", key);
            List<String> errors = schemas.validate(type, event);
            assertEquals(accepted, errors.isEmpty(), type + " with season '" + key + "': " + errors);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"big12", "e2e-1a2b3c4d", "Big12", "big_12", "-x", "",
            "a123456789012345678901234567890123456789012345678901234567890123"})
    void aTenantIsValidInTheEnvelopeExactlyWhenIdsSaysSo(String tenant) {
        ObjectNode event = Resources.example(EventType.DATASET_INGESTED);
        event.put("tenant", tenant);
        List<String> errors = schemas.validate(event);
        assertEquals(Ids.TENANT.matches(tenant), errors.isEmpty(), "tenant '" + tenant + "': " + errors);
    }

    @Test
    void theStalledRunsKeyIsRefusedWithTheRuleInWords() {
        assertFalse(Ids.SEASON_KEY.matches("big12-2025_26"));
        assertTrue(Ids.SEASON_KEY.matches("big12-2025-26"));
        assertFalse(Ids.SEASON_KEY.matches(null));
        assertEquals("the season key 'big12-2025_26' must be lower-case letters, digits and '-', 1-100 characters",
                Ids.SEASON_KEY.explain("big12-2025_26"));
        assertEquals("^[a-z0-9][a-z0-9-]{0,62}$", Ids.TENANT.regex());
    }
}
