package io.flextime.core.model;

import java.time.LocalDate;

/** A result of a past season (analytics input; row number = position in the source file). */
public record HistoricalGame(long rowNumber, String season, LocalDate date, String homeTeam, String awayTeam,
        Integer homeScore, Integer awayScore, String venueId, boolean neutral) {
}
