package io.flextime.core.model;

import java.time.LocalDate;

/** One scheduled game of a schedule version. */
public record Game(int number, int slotIndex, LocalDate date, String homeTeam, String awayTeam, String venueId) {
}
