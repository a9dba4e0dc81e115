package io.flextime.validate.history;

import static io.flextime.validate.findings.FindingCode.HIST_BLANK_TEAM;
import static io.flextime.validate.findings.FindingCode.HIST_DATE_RANGE;
import static io.flextime.validate.findings.FindingCode.HIST_DUPLICATE_GAME;
import static io.flextime.validate.findings.FindingCode.HIST_NEGATIVE_SCORE;
import static io.flextime.validate.findings.FindingCode.HIST_SAME_TEAM;
import static io.flextime.validate.findings.FindingCode.HIST_SCORE_MISSING;
import static io.flextime.validate.findings.FindingCode.HIST_SCORE_OUTLIER;
import static io.flextime.validate.findings.FindingCode.HIST_TEAM_TWICE_ON_DATE;

import io.flextime.validate.findings.Finding;
import io.flextime.validate.findings.FindingCode;
import io.flextime.validate.quality.Completeness;
import io.flextime.validate.store.HistoricalGameStats.Hits;
import io.flextime.validate.store.HistoricalGameStats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the historical-game statistics into findings (one per check, aggregating its rows) and completeness. */
public final class HistoryFindings {
    /**
     * Total scores this many standard deviations from the mean are flagged. Far beyond the record
     * checks' 3.5: with a million rows a normal tail alone would put hundreds past 3.5.
     */
    public static final double OUTLIER_Z = 6.0;

    private HistoryFindings() {
    }

    public static List<Finding> of(Stats s) {
        List<Finding> out = new ArrayList<>();
        add(out, HIST_BLANK_TEAM, s.blankTeam(), "home_team", "row(s) with a blank home or away team");
        add(out, HIST_SAME_TEAM, s.sameTeam(), "away_team", "row(s) with the same team at home and away");
        add(out, HIST_NEGATIVE_SCORE, s.negativeScore(), "home_score", "row(s) with a negative score");
        add(out, HIST_DATE_RANGE, s.dateRange(), "game_date", "row(s) dated before 1850 or after the season's end");
        add(out, HIST_DUPLICATE_GAME, s.duplicates(), "game_date", "row(s) repeat the date, home and away team of another row");
        add(out, HIST_TEAM_TWICE_ON_DATE, s.teamTwiceOnDate(), "game_date", "team/date pair(s) with more than one game of the team");
        add(out, HIST_SCORE_OUTLIER, s.outliers(), "home_score", String.format(Locale.ROOT,
                "row(s) with a total score more than %.0f standard deviations from the mean %.1f (sd %.1f)", OUTLIER_Z,
                s.meanTotal() == null ? 0 : s.meanTotal(), s.sdTotal() == null ? 0 : s.sdTotal()));
        add(out, HIST_SCORE_MISSING, s.missingScore(), "home_score", "row(s) without a score");
        return out;
    }

    /** Errors among the rows (the rows quarantined); a row failing two checks counts twice at most. */
    public static long errorRows(Stats s) {
        return Math.min(s.rows(), s.blankTeam().rows() + s.sameTeam().rows() + s.negativeScore().rows() + s.dateRange().rows());
    }

    /** Two expected values per row: home and away score. */
    public static Completeness completeness(Stats s) {
        return new Completeness(2 * s.rows(), s.missingScores());
    }

    private static void add(List<Finding> out, FindingCode code, Hits hits, String field, String what) {
        if (hits.rows() > 0) {
            out.add(code.rows(hits.rows(), hits.firstRow(), field, hits.rows() + " " + what
                    + (hits.firstRow() == null ? "" : "; first at row " + hits.firstRow())));
        }
    }
}
