package io.flextime.export.render;

import java.time.LocalDate;

/**
 * A game as partners see it: the scheduled game plus its calendar identity. {@code uid} is stable
 * across schedule versions (tenant, season, home, away, meeting), {@code sequence} counts its moves.
 * {@code number} is null for a cancelled game carried over from an earlier version.
 */
public record PublishedGame(String uid, int sequence, GameStatus status, Integer number, int slotIndex, LocalDate date,
        String homeTeam, String awayTeam, int meeting, String venueId) {

    public boolean confirmed() {
        return status == GameStatus.CONFIRMED;
    }

    public boolean involves(String team) {
        return homeTeam.equals(team) || awayTeam.equals(team);
    }

    public String opponentOf(String team) {
        return homeTeam.equals(team) ? awayTeam : homeTeam;
    }

    /** Same place and time as another publication of the same game (else the game moved). */
    public boolean samePlacement(PublishedGame other) {
        return slotIndex == other.slotIndex && java.util.Objects.equals(date, other.date)
                && java.util.Objects.equals(venueId, other.venueId);
    }
}
