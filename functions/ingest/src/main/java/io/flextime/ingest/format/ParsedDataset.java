package io.flextime.ingest.format;

import io.flextime.core.model.Season;

/**
 * What a reader made of an upload: the canonical season and, when the upload has them, the
 * historical games, streamed later (inside the version's transaction) rather than held in memory.
 */
public record ParsedDataset(String format, Season season, HistoricalGameRows historicalGames, Locator locator) {
    public ParsedDataset {
        historicalGames = historicalGames == null ? HistoricalGameRows.NONE : historicalGames;
    }
}
