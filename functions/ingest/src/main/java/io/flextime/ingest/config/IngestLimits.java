package io.flextime.ingest.config;

import io.flextime.core.format.Problems;
import io.flextime.core.problem.ProblemLocation;
import io.flextime.ingest.store.UploadObjects;
import io.flextime.ingest.tabular.SeasonTables;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The caps on what one upload may hold (IngestConfig), and the problems that say which one was hit.
 * Each is checked as early as it can be: bytes per format before parsing, rows while a table streams,
 * teams and slots with the season's other checks. A refused upload is quarantined like any bad input.
 */
@ApplicationScoped
public class IngestLimits {
    public static final String TOO_MANY_ROWS = "TOO_MANY_ROWS";
    public static final String TOO_MANY_TEAMS = "TOO_MANY_TEAMS";
    public static final String TOO_MANY_SLOTS = "TOO_MANY_SLOTS";

    private final IngestConfig config;

    public IngestLimits(IngestConfig config) {
        this.config = config;
    }

    /** Fails with TOO_LARGE when an upload of this format is over its cap. */
    public void checkBytes(String format, long bytes, String file) {
        Long cap = config.maxBytes().get(format);
        if (cap != null && bytes > cap) {
            throw Problems.fatal(UploadObjects.TOO_LARGE, file, "a " + format + " upload may have at most " + cap
                    + " bytes (flextime.ingest.max-bytes." + format + "); this one has " + bytes);
        }
    }

    /** The row cap of a table (by its name in SeasonTables) read from {@code file} (and {@code sheet} of a workbook). */
    public RowCap rows(String table, String file, String sheet) {
        boolean history = SeasonTables.HISTORICAL_GAMES.equals(table);
        return new RowCap(history ? config.maxHistoricalRows() : config.maxTableRows(),
                history ? "max-historical-rows" : "max-table-rows", table, file, sheet);
    }

    /** How many data rows a table may have, and the problem of the first row over it. */
    public record RowCap(long max, String key, String table, String file, String sheet) {
        public ProblemLocation exceeded(long row) {
            return new ProblemLocation(TOO_MANY_ROWS, file, sheet, row, null, "the " + table + " table may have at most "
                    + max + " rows (flextime.ingest." + key + ")");
        }
    }

    public int maxTeams() {
        return config.maxTeams();
    }

    public int maxSlots() {
        return config.maxSlots();
    }
}
