package io.flextime.ingest.tabular;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flextime.core.model.Distance;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tabular layout of a season, shared by the CSV set and the xlsx workbook: one table (file or
 * sheet) per entity, a header row with the column names below, then one row per entity. This class
 * defines the columns and turns a season into tables (the samples and round-trip tests use it); the
 * readers in {@code io.flextime.ingest.format} do the reverse.
 */
public final class SeasonTables {
    public static final String SEASON = "season";
    public static final String TEAMS = "teams";
    public static final String VENUES = "venues";
    public static final String SLOTS = "slots";
    public static final String CONSTRAINTS = "constraints";
    public static final String MATCHUPS = "matchups";
    public static final String DISTANCES = "distances";
    public static final String HISTORICAL_GAMES = "historical_games";

    /** Tables in reading order; the first four are required. */
    public static final List<String> TABLES = List.of(SEASON, TEAMS, VENUES, SLOTS, CONSTRAINTS, MATCHUPS, DISTANCES,
            HISTORICAL_GAMES);
    public static final List<String> REQUIRED = List.of(SEASON, TEAMS, VENUES, SLOTS);

    /** Team columns named {@code attr.<key>} become {@link Team#attributes()}. */
    public static final String ATTRIBUTE_PREFIX = "attr.";

    public static final Map<String, List<String>> COLUMNS = Map.of(
            SEASON, List.of("key", "value"),
            TEAMS, List.of("id", "name", "venue_id", "time_zone"),
            VENUES, List.of("id", "name", "city", "latitude", "longitude", "capacity", "time_zone"),
            SLOTS, List.of("index", "date", "start_time", "end_time", "label"),
            CONSTRAINTS, List.of("id", "type", "hard", "penalty", "params"),
            MATCHUPS, List.of("home", "away", "meetings"),
            DISTANCES, List.of("from_venue", "to_venue", "km"),
            HISTORICAL_GAMES, List.of("season", "date", "home_team", "away_team", "home_score", "away_score", "venue_id",
                    "neutral"));

    /** Columns a row may leave empty. */
    public static final Map<String, List<String>> OPTIONAL = Map.of(
            SEASON, List.of(),
            TEAMS, List.of("venue_id", "time_zone"),
            VENUES, List.of("city", "latitude", "longitude", "capacity", "time_zone"),
            SLOTS, List.of("date", "start_time", "end_time", "label"),
            CONSTRAINTS, List.of("penalty", "params"),
            MATCHUPS, List.of("meetings"),
            DISTANCES, List.of(),
            HISTORICAL_GAMES, List.of("home_score", "away_score", "venue_id", "neutral"));

    /** Keys of the season table. */
    public static final List<String> SEASON_KEYS = List.of("season", "name", "sport", "start", "end", "time_zone",
            "round_robin", "compact", "mirrored", "phased", "games_per_team", "twice_opponents", "min_rest_days", "travel",
            "weight_travel", "weight_penalty", "auto_solve");

    private SeasonTables() {
    }

    /** A table: header then rows; cells are strings, numbers or booleans (the xlsx writer keeps their type). */
    public record Table(String name, List<String> header, List<List<Object>> rows) {
    }

    public static List<Table> toTables(Season s, ObjectMapper mapper) {
        List<Table> out = new ArrayList<>();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("season", s.season());
        head.put("name", s.name());
        head.put("sport", s.sport());
        head.put("start", s.start());
        head.put("end", s.end());
        head.put("time_zone", s.timeZone());
        head.put("round_robin", s.format().roundRobin().name());
        head.put("compact", s.format().compact());
        head.put("mirrored", s.format().mirrored());
        head.put("phased", s.format().phased());
        head.put("games_per_team", s.format().gamesPerTeam());
        head.put("twice_opponents", s.format().twiceOpponents());
        head.put("min_rest_days", s.format().minRestDays());
        head.put("travel", s.format().travel().name());
        head.put("weight_travel", s.weights().travel());
        head.put("weight_penalty", s.weights().penalty());
        head.put("auto_solve", s.autoSolve());
        List<List<Object>> seasonRows = new ArrayList<>();
        head.forEach((k, v) -> seasonRows.add(row(k, v == null ? null : v instanceof Number || v instanceof Boolean ? v : v.toString())));
        out.add(new Table(SEASON, COLUMNS.get(SEASON), seasonRows));

        TreeSet<String> attributeKeys = new TreeSet<>();
        s.teams().forEach(t -> attributeKeys.addAll(t.attributes().keySet()));
        List<String> teamHeader = new ArrayList<>(COLUMNS.get(TEAMS));
        attributeKeys.forEach(k -> teamHeader.add(ATTRIBUTE_PREFIX + k));
        List<List<Object>> teams = new ArrayList<>();
        for (Team t : s.teams()) {
            List<Object> r = row(t.id(), t.name(), t.venueId(), t.timeZone());
            attributeKeys.forEach(k -> r.add(t.attributes().get(k)));
            teams.add(r);
        }
        out.add(new Table(TEAMS, teamHeader, teams));

        List<List<Object>> venues = new ArrayList<>();
        for (Venue v : s.venues()) {
            venues.add(row(v.id(), v.name(), v.city(), v.latitude(), v.longitude(), v.capacity(), v.timeZone()));
        }
        out.add(new Table(VENUES, COLUMNS.get(VENUES), venues));

        List<List<Object>> slots = new ArrayList<>();
        for (Slot x : s.slots()) {
            slots.add(row(x.index(), str(x.date()), str(x.startTime()), str(x.endTime()), x.label()));
        }
        out.add(new Table(SLOTS, COLUMNS.get(SLOTS), slots));

        List<List<Object>> constraints = new ArrayList<>();
        for (SeasonConstraint c : s.constraints()) {
            try {
                constraints.add(row(c.id(), c.type().name(), c.hard(), c.penalty(),
                        c.params() == null ? null : mapper.writer().without(
                                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(c.params())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        out.add(new Table(CONSTRAINTS, COLUMNS.get(CONSTRAINTS), constraints));

        if (!s.matchups().isEmpty()) {
            List<List<Object>> m = new ArrayList<>();
            for (Matchup x : s.matchups()) {
                m.add(row(x.home(), x.away(), x.meetings()));
            }
            out.add(new Table(MATCHUPS, COLUMNS.get(MATCHUPS), m));
        }
        if (!s.distances().isEmpty()) {
            List<List<Object>> d = new ArrayList<>();
            for (Distance x : s.distances()) {
                d.add(row(x.fromVenue(), x.toVenue(), x.km()));
            }
            out.add(new Table(DISTANCES, COLUMNS.get(DISTANCES), d));
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static List<Object> row(Object... cells) {
        List<Object> r = new ArrayList<>(cells.length);
        java.util.Collections.addAll(r, cells);
        return r;
    }
}
