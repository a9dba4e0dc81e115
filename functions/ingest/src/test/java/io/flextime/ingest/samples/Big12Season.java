package io.flextime.ingest.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Derives the Big 12 men's basketball 2025-26 sample season from the reference data
 * ({@code data/big12}). A dev tool, kept because the sample exists in three formats (JSON,
 * CSV set, xlsx) that must stay identical: {@link Big12SampleWriter} regenerates all three from this one
 * derivation. The choices (calendar, rule mapping) are documented in {@code samples/README.md}.
 */
public final class Big12Season {
    public static final String KEY = "big12-mbb-2025-26";
    static final LocalDate START = LocalDate.of(2026, 1, 2);
    static final LocalDate END = LocalDate.of(2026, 3, 7);
    /** Sunday TV windows of the two holiday weekends (MLK day, Presidents' Day). */
    static final List<LocalDate> HOLIDAY_SUNDAYS = List.of(LocalDate.of(2026, 1, 18), LocalDate.of(2026, 2, 15));
    /** Report weights (0..1) become integer penalties per unit of deviation: weight x 10. */
    static final int PENALTY_PER_WEIGHT = 10;

    private Big12Season() {
    }

    /** Short ids: slugs of the school names, with the usual abbreviations kept as they are. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static final Map<String, String> TIME_ZONES = Map.ofEntries(
            Map.entry("AZ", "America/Phoenix"), Map.entry("TX", "America/Chicago"), Map.entry("UT", "America/Denver"),
            Map.entry("OH", "America/New_York"), Map.entry("CO", "America/Denver"), Map.entry("IA", "America/Chicago"),
            Map.entry("KS", "America/Chicago"), Map.entry("OK", "America/Chicago"), Map.entry("FL", "America/New_York"),
            Map.entry("WV", "America/New_York"));

    /** Realistic game days of the window: the opening Friday, every Saturday, Monday, Tuesday and Wednesday, two holiday Sundays. */
    static List<LocalDate> gameDates() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = START; !d.isAfter(END); d = d.plusDays(1)) {
            DayOfWeek w = d.getDayOfWeek();
            if (d.equals(START) || w == DayOfWeek.SATURDAY || w == DayOfWeek.MONDAY || w == DayOfWeek.TUESDAY
                    || w == DayOfWeek.WEDNESDAY || HOLIDAY_SUNDAYS.contains(d)) {
                dates.add(d);
            }
        }
        return dates;
    }

    public static Season derive(Path big12Dir, ObjectMapper mapper) throws IOException {
        List<Team> teams = new ArrayList<>();
        List<Venue> venues = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(big12Dir.resolve("teams_2024_25.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String id = slug(r.get("team"));
                String venueId = slug(r.get("arena"));
                String tz = TIME_ZONES.get(r.get("state"));
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("city", r.get("city"));
                attributes.put("state", r.get("state"));
                attributes.put("sourceIndex", r.get("idx"));
                teams.add(new Team(id, r.get("team"), venueId, tz, attributes));
                venues.add(new Venue(venueId, r.get("arena"), r.get("city"), Double.parseDouble(r.get("lat")),
                        Double.parseDouble(r.get("lon")), null, tz));
            }
        }
        // Venues in id order: the order the dataset store gives them back, so a stored sample equals the file.
        venues.sort(java.util.Comparator.comparing(Venue::id));
        List<LocalDate> dates = gameDates();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            slots.add(new Slot(i, d, null, null, d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                    + " " + d));
        }
        List<String> all = teams.stream().map(Team::id).toList();
        Rules rules = new Rules(mapper, all, slots);
        List<SeasonConstraint> cs = new ArrayList<>();

        cs.add(new SeasonConstraint("byu-never-on-sunday", ConstraintType.TEAM_UNAVAILABLE, true, 0,
                (ObjectNode) rules.obj().put("team", "byu").set("weekdays", mapper.createArrayNode().add("SUNDAY"))));
        cs.add(rules.ca1("nine-home-nine-away", true, 0, "H", 9, 9, d -> true));
        cs.add(rules.ca1("min-4-weekend-home-games", true, 0, "H", 4, 9, Big12Season::weekend));
        // "... with similar distribution": the teams' weekend home-game counts differ by at most 1
        cs.add(new SeasonConstraint("similar-weekend-home-games", ConstraintType.GAMES_SPREAD, true, 0,
                (ObjectNode) rules.teams(rules.obj()).put("mode", "H").put("spread", 1)
                        .set("weekdays", mapper.createArrayNode().add("SATURDAY").add("SUNDAY"))));
        // "First/last four games: at least 2 home and 2 away", counted on each team's own games
        cs.add(rules.window("first-four-2-home", true, 0, "FIRST", 4, "H", 2, null));
        cs.add(rules.window("first-four-2-away", true, 0, "FIRST", 4, "A", 2, null));
        cs.add(rules.window("last-four-2-home", true, 0, "LAST", 4, "H", 2, null));
        cs.add(rules.window("last-four-2-away", true, 0, "LAST", 4, "A", 2, null));
        cs.add(new SeasonConstraint("max-2-consecutive-road-games", ConstraintType.MAX_ROAD_TRIP, true, 0,
                rules.obj().put("max", 2)));
        cs.add(new SeasonConstraint("min-2-rest-days", ConstraintType.MIN_REST_DAYS, true, 0, rules.obj().put("days", 2)));
        // SE1 (RobinX) counts the slots strictly between the two meetings. On this calendar 8 slots apart
        // is always >= 11 days and 10 apart >= 15 days, while 7 apart can be 9 days: min 7 / min 9.
        cs.add(new SeasonConstraint("rematch-separation-10-days", ConstraintType.SE1, true, 0,
                rules.teams(rules.obj()).put("min", 7)));
        cs.add(new SeasonConstraint("rematch-separation-15-days-preferred", ConstraintType.SE1, false,
                5, rules.teams(rules.obj()).put("min", 9)));
        cs.add(new SeasonConstraint("no-sat-mon-wed", ConstraintType.WEEKDAY_PATTERN, true, 0,
                (ObjectNode) rules.teams(rules.obj()).put("withinDays", 7)
                        .set("weekdays", mapper.createArrayNode().add("SATURDAY").add("MONDAY").add("WEDNESDAY"))));
        // Road game clustering avoidance (weight 0.7) and season start/end preferences (weight 0.5)
        cs.add(new SeasonConstraint("avoid-4-of-5-on-road", ConstraintType.CONSECUTIVE_GAMES, false, 7,
                rules.teams(rules.obj()).put("games", 5).put("mode", "A").put("max", 3)));
        cs.add(rules.window("avoid-4-of-first-6-on-road", false, 7, "FIRST", 6, "A", null, 3));
        cs.add(rules.window("avoid-4-of-last-6-on-road", false, 7, "LAST", 6, "A", null, 3));
        cs.add(rules.window("avoid-opening-with-2-road-games", false, 5, "FIRST", 2, "A", null, 1));
        cs.add(rules.window("avoid-closing-with-2-road-games", false, 5, "LAST", 2, "A", null, 1));
        for (LocalDate sat = LocalDate.of(2026, 1, 3); !sat.isAfter(END); sat = sat.plusWeeks(1)) {
            LocalDate from = sat;
            cs.add(rules.ca1("avoid-weekend-bye-" + sat, false, 7, "HA", 1, 1,
                    d -> !d.isBefore(from) && !d.isAfter(from.plusDays(1))));
        }
        cs.addAll(finalExamBlackouts(big12Dir, teams, mapper));
        SeasonFormat format = new SeasonFormat(SeasonFormat.RoundRobin.PARTIAL, false, false, false, 18, 3, 2,
                SeasonFormat.TravelMode.VENUE_TO_VENUE);
        return new Season(KEY, "Big 12 Men's Basketball 2025-26", "mens-basketball", START, END, "America/Chicago", format,
                new ObjectiveWeights(1.0, 1000.0), true, teams, venues, slots, cs, List.of(), List.of());
    }

    /** A school's final-exam days inside the window: its team is unavailable then (none in 2025-26: December and April/May). */
    static List<SeasonConstraint> finalExamBlackouts(Path big12Dir, List<Team> teams, ObjectMapper mapper) throws IOException {
        List<SeasonConstraint> out = new ArrayList<>();
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("MMMM d yyyy", Locale.ENGLISH);
        try (Reader in = Files.newBufferedReader(big12Dir.resolve("final_exams_2025_26.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Team team = teams.stream().filter(t -> t.name().equals(r.get(0))).findFirst()
                        .orElseThrow(() -> new IllegalStateException("unknown school " + r.get(0)));
                ArrayNode dates = mapper.createArrayNode();
                for (String[] term : List.of(new String[] {r.get(1), "2025"}, new String[] {r.get(2), "2026"})) {
                    for (String day : term[0].split(",")) {
                        if (!day.isBlank()) {
                            LocalDate d = LocalDate.parse(day.trim() + " " + term[1], f);
                            if (!d.isBefore(START) && !d.isAfter(END)) {
                                dates.add(d.toString());
                            }
                        }
                    }
                }
                if (!dates.isEmpty()) {
                    ObjectNode p = mapper.createObjectNode().put("team", team.id());
                    p.set("dates", dates);
                    out.add(new SeasonConstraint("final-exams-" + team.id(), ConstraintType.TEAM_UNAVAILABLE, true, 0, p));
                }
            }
        }
        return out;
    }

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private record Rules(ObjectMapper mapper, List<String> teams, List<Slot> slots) {
        ObjectNode obj() {
            return mapper.createObjectNode();
        }

        ObjectNode teams(ObjectNode n) {
            ArrayNode a = n.putArray("teams");
            teams.forEach(a::add);
            return n;
        }

        SeasonConstraint window(String id, boolean hard, int penalty, String position, int games, String mode, Integer min,
                Integer max) {
            ObjectNode p = teams(obj()).put("position", position).put("games", games).put("mode", mode);
            if (min != null) {
                p.put("min", min);
            }
            if (max != null) {
                p.put("max", max);
            }
            return new SeasonConstraint(id, ConstraintType.GAME_WINDOW, hard, penalty, p);
        }

        SeasonConstraint ca1(String id, boolean hard, int penalty, String mode, int min, int max, Predicate<LocalDate> when) {
            ObjectNode p = teams(obj());
            ArrayNode s = p.putArray("slots");
            slots.stream().filter(x -> when.test(x.date())).forEach(x -> s.add(x.index()));
            p.put("mode", mode).put("min", min).put("max", max);
            return new SeasonConstraint(id, ConstraintType.CA1, hard, penalty, p);
        }
    }
}
