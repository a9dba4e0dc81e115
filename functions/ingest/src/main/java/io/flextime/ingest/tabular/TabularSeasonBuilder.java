package io.flextime.ingest.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Distance;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.core.format.Problems;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the tables of a CSV set or workbook into the canonical season, checking columns and cell
 * types and collecting every located problem (file, sheet, row, column) before failing.
 */
public final class TabularSeasonBuilder {
    private final ObjectMapper mapper;
    private final Problems problems;
    private final Map<String, TableRows> sources = new HashMap<>();
    private final Map<String, List<Long>> rowNumbers = new HashMap<>();

    public TabularSeasonBuilder(ObjectMapper mapper, Problems problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    /** Checks a table's header; returns column name → index, or null when a required column is missing. */
    public Map<String, Integer> columns(String table, TableRows t) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> known = SeasonTables.COLUMNS.get(table);
        boolean ok = true;
        for (int i = 0; i < t.header().size(); i++) {
            String raw = t.header().get(i);
            String name = raw == null ? "" : raw.trim();
            String key = name.toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (table.equals(SeasonTables.TEAMS) && key.startsWith(SeasonTables.ATTRIBUTE_PREFIX)) {
                index.put(SeasonTables.ATTRIBUTE_PREFIX + name.substring(SeasonTables.ATTRIBUTE_PREFIX.length()), i);
            } else if (known.contains(key)) {
                if (index.put(key, i) != null) {
                    problems.add("DUPLICATE_COLUMN", t.file(), t.sheet(), 1L, name, "column appears twice");
                    ok = false;
                }
            } else {
                problems.add("UNKNOWN_COLUMN", t.file(), t.sheet(), 1L, name, "unknown column; expected " + known
                        + (table.equals(SeasonTables.TEAMS) ? " or attr.<name>" : ""));
                ok = false;
            }
        }
        for (String c : known) {
            if (!index.containsKey(c) && !SeasonTables.OPTIONAL.get(table).contains(c)) {
                problems.add("MISSING_COLUMN", t.file(), t.sheet(), 1L, c, "required column is missing");
                ok = false;
            }
        }
        return ok ? index : null;
    }

    public Season build(Map<String, TableRows> tables) {
        for (String required : SeasonTables.REQUIRED) {
            if (!tables.containsKey(required)) {
                problems.add("MISSING_TABLE", required, null, null, null, "the '" + required + "' table is missing");
            }
        }
        problems.throwIfAny("incomplete dataset");
        Map<String, String> head = seasonKeys(tables.get(SeasonTables.SEASON));
        List<Team> teams = rows(SeasonTables.TEAMS, tables.get(SeasonTables.TEAMS), this::team);
        List<Venue> venues = rows(SeasonTables.VENUES, tables.get(SeasonTables.VENUES), this::venue);
        List<Slot> slots = rows(SeasonTables.SLOTS, tables.get(SeasonTables.SLOTS), this::slot);
        List<SeasonConstraint> constraints = rows(SeasonTables.CONSTRAINTS, tables.get(SeasonTables.CONSTRAINTS), this::constraint);
        List<Matchup> matchups = rows(SeasonTables.MATCHUPS, tables.get(SeasonTables.MATCHUPS), this::matchup);
        List<Distance> distances = rows(SeasonTables.DISTANCES, tables.get(SeasonTables.DISTANCES), this::distance);
        TableRows st = tables.get(SeasonTables.SEASON);
        Cells h = new Cells(st, new TableRows.Row(0, List.of()), Map.of()) {
            @Override
            String raw(String column) {
                return head.get(column);
            }
        };
        SeasonFormat format = new SeasonFormat(
                h.enumValue("round_robin", SeasonFormat.RoundRobin.class, null),
                h.bool("compact", true), h.bool("mirrored", false), h.bool("phased", false),
                h.integer("games_per_team"), h.integer("twice_opponents"), h.integer("min_rest_days"),
                h.enumValue("travel", SeasonFormat.TravelMode.class, null));
        Double travel = h.decimal("weight_travel");
        Double penalty = h.decimal("weight_penalty");
        ObjectiveWeights weights = travel == null && penalty == null ? null
                : new ObjectiveWeights(travel == null ? ObjectiveWeights.DEFAULT.travel() : travel,
                        penalty == null ? ObjectiveWeights.DEFAULT.penalty() : penalty);
        Season season = new Season(h.text("season", true), h.text("name", true), h.text("sport", false), h.date("start"),
                h.date("end"), h.text("time_zone", false), format, weights, h.bool("auto_solve", true), teams, venues, slots,
                constraints, matchups, distances);
        problems.throwIfAny("the dataset has errors");
        return season;
    }

    private Map<String, String> seasonKeys(TableRows t) {
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> cols = columns(SeasonTables.SEASON, t);
        if (cols == null) {
            return values;
        }
        for (TableRows.Row r : t.rows()) {
            String key = r.cell(cols.get("key"));
            if (key == null) {
                continue;
            }
            key = key.toLowerCase(Locale.ROOT);
            if (!SeasonTables.SEASON_KEYS.contains(key)) {
                problems.add("UNKNOWN_KEY", t.file(), t.sheet(), r.number(), "key", "unknown season key '" + key
                        + "'; expected one of " + SeasonTables.SEASON_KEYS);
            } else if (values.put(key, r.cell(cols.get("value"))) != null) {
                problems.add("DUPLICATE_ID", t.file(), t.sheet(), r.number(), "key", "season key '" + key + "' appears twice");
            }
        }
        return values;
    }

    private <T> List<T> rows(String table, TableRows t, Function<Cells, T> map) {
        List<T> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        Map<String, Integer> cols = columns(table, t);
        if (cols == null) {
            return out;
        }
        sources.put(table, t);
        List<Long> numbers = rowNumbers.computeIfAbsent(table, k -> new ArrayList<>());
        for (TableRows.Row r : t.rows()) {
            if (r.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            int before = problemCount();
            T value = map.apply(new Cells(t, r, cols));
            if (problemCount() == before && value != null) {
                out.add(value);
                numbers.add(r.number());
            }
        }
        return out;
    }

    /** Points semantic problems (duplicates, references) at the file, sheet and row the entity came from. */
    public io.flextime.ingest.format.Locator locator(String fallbackFile) {
        return (code, table, index, field, reason) -> {
            TableRows t = sources.get(table);
            List<Long> numbers = rowNumbers.getOrDefault(table, List.of());
            String column = field == null ? null : field.startsWith("params.") ? "params"
                    : field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            return new io.flextime.core.problem.ProblemLocation(code, t == null ? fallbackFile : t.file(),
                    t == null ? null : t.sheet(), index >= 0 && index < numbers.size() ? numbers.get(index) : null,
                    column, reason);
        };
    }

    private int problemCount() {
        return problems.count();
    }

    private Team team(Cells c) {
        Map<String, String> attributes = new LinkedHashMap<>();
        c.cols.forEach((name, i) -> {
            if (name.startsWith(SeasonTables.ATTRIBUTE_PREFIX) && c.row.cell(i) != null) {
                attributes.put(name.substring(SeasonTables.ATTRIBUTE_PREFIX.length()), c.row.cell(i));
            }
        });
        return new Team(c.text("id", true), c.text("name", true), c.text("venue_id", false), c.text("time_zone", false),
                attributes);
    }

    private Venue venue(Cells c) {
        return new Venue(c.text("id", true), c.text("name", true), c.text("city", false), c.decimal("latitude"),
                c.decimal("longitude"), c.integer("capacity"), c.text("time_zone", false));
    }

    private Slot slot(Cells c) {
        Integer index = c.integer("index");
        if (index == null) {
            c.missing("index");
            return null;
        }
        return new Slot(index, c.date("date"), c.time("start_time"), c.time("end_time"), c.text("label", false));
    }

    private SeasonConstraint constraint(Cells c) {
        ConstraintType type = null;
        String typeName = c.text("type", true);
        if (typeName != null) {
            try {
                type = ConstraintType.parse(typeName);
            } catch (IllegalArgumentException e) {
                c.wrong("type", e.getMessage());
            }
        }
        Boolean hard = c.bool("hard", null);
        if (hard == null) {
            c.missing("hard");
        }
        Integer penalty = c.integer("penalty");
        ObjectNode params = mapper.createObjectNode();
        String json = c.text("params", false);
        if (json != null) {
            try {
                JsonNode node = mapper.readTree(json);
                if (node == null || !node.isObject()) {
                    c.wrong("params", "params must be a JSON object, e.g. {\"teams\":[\"kansas\"],\"max\":1}");
                } else {
                    params = (ObjectNode) node;
                }
            } catch (Exception e) {
                c.wrong("params", "params is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return new SeasonConstraint(c.text("id", true), type, hard != null && hard, penalty == null ? 0 : penalty, params);
    }

    private Matchup matchup(Cells c) {
        Integer meetings = c.integer("meetings");
        return new Matchup(c.text("home", true), c.text("away", true), meetings == null ? 1 : meetings);
    }

    private Distance distance(Cells c) {
        Double km = c.decimal("km");
        if (km == null) {
            c.missing("km");
            return null;
        }
        return new Distance(c.text("from_venue", true), c.text("to_venue", true), km);
    }

    /** Typed access to one row's cells; a bad cell adds a located problem and yields null. */
    class Cells {
        final TableRows table;
        final TableRows.Row row;
        final Map<String, Integer> cols;

        Cells(TableRows table, TableRows.Row row, Map<String, Integer> cols) {
            this.table = table;
            this.row = row;
            this.cols = cols;
        }

        String raw(String column) {
            Integer i = cols.get(column);
            return i == null ? null : row.cell(i);
        }

        void missing(String column) {
            problems.add("MISSING_VALUE", table.file(), table.sheet(), row.number() == 0 ? null : row.number(), column,
                    "a value is required");
        }

        void wrong(String column, String reason) {
            problems.add("WRONG_TYPE", table.file(), table.sheet(), row.number() == 0 ? null : row.number(), column, reason);
        }

        String text(String column, boolean required) {
            String v = raw(column);
            if (v == null && required) {
                missing(column);
            }
            return v;
        }

        Integer integer(String column) {
            String v = raw(column);
            if (v == null) {
                return null;
            }
            try {
                return Integer.valueOf(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
            } catch (NumberFormatException e) {
                wrong(column, "'" + v + "' is not a whole number");
                return null;
            }
        }

        Double decimal(String column) {
            String v = raw(column);
            if (v == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                wrong(column, "'" + v + "' is not a number");
                return null;
            }
        }

        Boolean bool(String column, Boolean fallback) {
            String v = raw(column);
            if (v == null) {
                return fallback;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> {
                    wrong(column, "'" + v + "' is not true/false");
                    yield fallback;
                }
            };
        }

        LocalDate date(String column) {
            String v = raw(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (RuntimeException e) {
                wrong(column, "'" + v + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        LocalTime time(String column) {
            String v = raw(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalTime.parse(v);
            } catch (RuntimeException e) {
                wrong(column, "'" + v + "' is not a time (HH:MM)");
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type, E fallback) {
            String v = raw(column);
            if (v == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                wrong(column, "'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
                return fallback;
            }
        }
    }
}
