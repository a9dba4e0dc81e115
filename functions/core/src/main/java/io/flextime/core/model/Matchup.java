package io.flextime.core.model;

/** A required pairing: {@code home} hosts {@code away} {@code meetings} times. */
public record Matchup(String home, String away, int meetings) {
}
