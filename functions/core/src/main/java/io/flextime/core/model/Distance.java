package io.flextime.core.model;

/** One entry of an explicit venue-to-venue distance matrix, in km. */
public record Distance(String fromVenue, String toVenue, double km) {
}
