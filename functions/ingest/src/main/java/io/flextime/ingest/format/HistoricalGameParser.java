package io.flextime.ingest.format;

import io.flextime.core.format.Problems;
import io.flextime.core.model.HistoricalGame;
import io.flextime.ingest.tabular.SeasonTables;
import io.flextime.ingest.tabular.TableRows;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** One historical-games row → {@link HistoricalGame}, with located problems for bad cells. */
final class HistoricalGameParser {
    private final String file;
    private final String sheet;
    private final Problems problems;
    private int season = -1;
    private int date = -1;
    private int home = -1;
    private int away = -1;
    private int homeScore = -1;
    private int awayScore = -1;
    private int venue = -1;
    private int neutral = -1;
    private boolean usable;

    HistoricalGameParser(String file, String sheet, Problems problems) {
        this.file = file;
        this.sheet = sheet;
        this.problems = problems;
    }

    void header(List<String> header) {
        List<String> known = SeasonTables.COLUMNS.get(SeasonTables.HISTORICAL_GAMES);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).trim().toLowerCase(Locale.ROOT);
            switch (h) {
                case "season" -> season = i;
                case "date" -> date = i;
                case "home_team" -> home = i;
                case "away_team" -> away = i;
                case "home_score" -> homeScore = i;
                case "away_score" -> awayScore = i;
                case "venue_id" -> venue = i;
                case "neutral" -> neutral = i;
                case "" -> {
                }
                default -> problems.add("UNKNOWN_COLUMN", file, sheet, 1L, header.get(i), "unknown column; expected " + known);
            }
        }
        usable = true;
        for (String c : List.of("season", "date", "home_team", "away_team")) {
            if (index(c) < 0) {
                problems.add("MISSING_COLUMN", file, sheet, 1L, c, "required column is missing");
                usable = false;
            }
        }
    }

    private int index(String c) {
        return switch (c) {
            case "season" -> season;
            case "date" -> date;
            case "home_team" -> home;
            default -> away;
        };
    }

    boolean usable() {
        return usable;
    }

    /** The game, or null (problem recorded). */
    HistoricalGame parse(TableRows.Row r) {
        String s = r.cell(season);
        String d = r.cell(date);
        String h = r.cell(home);
        String a = r.cell(away);
        boolean ok = true;
        if (s == null) {
            ok = missing(r, "season");
        }
        if (h == null) {
            ok = missing(r, "home_team");
        }
        if (a == null) {
            ok = missing(r, "away_team");
        }
        LocalDate day = null;
        if (d == null) {
            ok = missing(r, "date");
        } else {
            try {
                day = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                ok = wrong(r, "date", "'" + d + "' is not a date (YYYY-MM-DD)");
            }
        }
        Integer hs = score(r, homeScore, "home_score");
        Integer as = score(r, awayScore, "away_score");
        if (hs != null && hs < 0 || as != null && as < 0) {
            ok = false;
        }
        Boolean n = Boolean.FALSE;
        String nv = r.cell(neutral);
        if (nv != null) {
            switch (nv.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "y" -> n = true;
                case "false", "0", "no", "n" -> n = false;
                default -> ok = wrong(r, "neutral", "'" + nv + "' is not true/false");
            }
        }
        return ok ? new HistoricalGame(r.number(), s, day, h, a, hs == null || hs < 0 ? null : hs,
                as == null || as < 0 ? null : as, r.cell(venue), n) : null;
    }

    private Integer score(TableRows.Row r, int i, String column) {
        String v = r.cell(i);
        if (v == null) {
            return null;
        }
        try {
            int x = Integer.parseInt(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
            if (x < 0) {
                wrong(r, column, "a score cannot be negative");
                return -1;
            }
            return x;
        } catch (NumberFormatException e) {
            wrong(r, column, "'" + v + "' is not a whole number");
            return -1;
        }
    }

    private boolean missing(TableRows.Row r, String column) {
        problems.add("MISSING_VALUE", file, sheet, r.number(), column, "a value is required");
        return false;
    }

    private boolean wrong(TableRows.Row r, String column, String reason) {
        problems.add("WRONG_TYPE", file, sheet, r.number(), column, reason);
        return false;
    }
}
