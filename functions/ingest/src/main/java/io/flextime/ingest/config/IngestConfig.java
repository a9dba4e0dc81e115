package io.flextime.ingest.config;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import io.smallrye.config.WithDefault;

/** Limits and behaviour of ingest ({@code flextime.ingest.*}, each overridable by environment). */
@ConfigMapping(prefix = "flextime.ingest")
public interface IngestConfig {
    /** Largest upload accepted (bytes); larger ones are quarantined as TOO_LARGE. */
    @WithDefault("268435456")
    long maxUploadBytes();

    /**
     * Largest upload per format (bytes), below {@link #maxUploadBytes()}: json, csv-zip, csv-manifest (all
     * its files), xlsx, robinx-xml, ttp-matrix. A JSON season is read whole, so its cap bounds the memory.
     */
    Map<String, Long> maxBytes();

    /** Most data rows of one season table (teams, venues, slots, constraints, matchups, distances...). */
    @WithDefault("100000")
    long maxTableRows();

    /** Most rows of the historical-games table. */
    @WithDefault("5000000")
    long maxHistoricalRows();

    /** Most teams in a season: the travel model grows as teams cubed times slots. */
    @WithDefault("40")
    int maxTeams();

    /** Most slots (dates or rounds) in a season. */
    @WithDefault("400")
    int maxSlots();

    /** Zip uploads: most bytes all entries may inflate to. */
    @WithDefault("1073741824")
    long maxUnpackedBytes();

    /** Zip uploads: most inflated/compressed ratio (beyond the first 10 MB). */
    @WithDefault("100")
    int maxZipRatio();

    /** Zip uploads: most entries. */
    @WithDefault("64")
    int maxZipEntries();

    /** HTTP requests per tenant per minute. */
    @WithDefault("60")
    int httpRequestsPerMinute();

    /** Historical games per INSERT (unnest arrays); a few thousand keeps round trips few and memory flat. */
    @WithDefault("5000")
    int historicalBatchRows();
}
