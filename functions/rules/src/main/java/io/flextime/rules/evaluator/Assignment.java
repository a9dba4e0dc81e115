package io.flextime.rules.evaluator;

/** One game placed in a slot: {@code home} hosts {@code away} in slot {@code slot}. */
public record Assignment(int slot, String home, String away) {
}
