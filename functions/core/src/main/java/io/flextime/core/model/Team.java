package io.flextime.core.model;

import java.util.Map;

/** A team of a season. {@code venueId} is its home venue; {@code attributes} keeps extra source columns. */
public record Team(String id, String name, String venueId, String timeZone, Map<String, String> attributes) {
    public Team {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
