package io.flextime.core.model;

import java.time.LocalDate;
import java.time.LocalTime;

/** A round of play. Compact seasons may leave {@code date} empty (RobinX, TTP). */
public record Slot(int index, LocalDate date, LocalTime startTime, LocalTime endTime, String label) {
}
