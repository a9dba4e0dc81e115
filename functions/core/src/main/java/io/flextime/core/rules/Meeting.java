package io.flextime.core.rules;

/** One game of a pairing: {@code home} hosts {@code away} (GA1's meetings). */
public record Meeting(String home, String away) {
}
