package io.flextime.core.model;

/** A venue (arena). Shared by several teams when they have the same venue id. */
public record Venue(String id, String name, String city, Double latitude, Double longitude, Integer capacity,
        String timeZone) {
}
