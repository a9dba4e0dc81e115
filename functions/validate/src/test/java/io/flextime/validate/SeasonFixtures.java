package io.flextime.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Small seasons for the tests: a valid compact double round robin of four Big 12 teams over six dated
 * slots, which each test breaks in one place.
 */
public final class SeasonFixtures {
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    public static final LocalDate START = LocalDate.of(2026, 1, 3);

    private SeasonFixtures() {
    }

    public static List<Team> teams() {
        return List.of(new Team("kansas", "Kansas", "allen", "America/Chicago", Map.of()),
                new Team("iowa-state", "Iowa State", "hilton", "America/Chicago", Map.of()),
                new Team("kansas-state", "Kansas State", "bramlage", "America/Chicago", Map.of()),
                new Team("baylor", "Baylor", "foster", "America/Chicago", Map.of()));
    }

    public static List<Venue> venues() {
        return List.of(new Venue("allen", "Allen Fieldhouse", "Lawrence", 38.954306, -95.2523944, 16300, "America/Chicago"),
                new Venue("hilton", "Hilton Coliseum", "Ames", 42.022694, -93.635083, 14384, "America/Chicago"),
                new Venue("bramlage", "Bramlage Coliseum", "Manhattan", 39.200361, -96.593833, 11654, "America/Chicago"),
                new Venue("foster", "Foster Pavilion", "Waco", 31.5566983, -97.1216133, 7500, "America/Chicago"));
    }

    public static List<Slot> slots(int n) {
        List<Slot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Slot(i, START.plusDays(3L * i), null, null, "R" + (i + 1)));
        }
        return out;
    }

    /** Four teams, compact double round robin, six slots (2(n-1)), no constraints. */
    public static Season valid() {
        return new Season("fixture-2026", "Fixture season", "mens-basketball", START, START.plusDays(20), "America/Chicago",
                SeasonFormat.compactDouble(), ObjectiveWeights.DEFAULT, true, teams(), venues(), slots(6), List.of(), List.of(),
                List.of());
    }

    public static Season with(Season s, UnaryOperator<Builder> change) {
        return change.apply(new Builder(s)).build();
    }

    public static ObjectNode params() {
        return JSON.createObjectNode();
    }

    public static SeasonConstraint hard(String id, ConstraintType type, ObjectNode params) {
        return new SeasonConstraint(id, type, true, 0, params);
    }

    public static Season big12() throws IOException {
        Path file = repo().resolve("samples/big12-mbb-2025-26/season.json");
        return JSON.readValue(file.toFile(), Season.class);
    }

    public static Path repo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("flextime")) && Files.isDirectory(p.resolve("events"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found");
    }

    /** Copy-with for the Season record. */
    public static final class Builder {
        public List<Team> teams;
        public List<Venue> venues;
        public List<Slot> slots;
        public List<SeasonConstraint> constraints;
        public List<Matchup> matchups;
        public List<Distance> distances;
        public SeasonFormat format;
        public LocalDate start;
        public LocalDate end;
        public String timeZone;
        private final Season s;

        Builder(Season s) {
            this.s = s;
            teams = new ArrayList<>(s.teams());
            venues = new ArrayList<>(s.venues());
            slots = new ArrayList<>(s.slots());
            constraints = new ArrayList<>(s.constraints());
            matchups = new ArrayList<>(s.matchups());
            distances = new ArrayList<>(s.distances());
            format = s.format();
            start = s.start();
            end = s.end();
            timeZone = s.timeZone();
        }

        public Builder constraint(SeasonConstraint c) {
            constraints.add(c);
            return this;
        }

        Season build() {
            return new Season(s.season(), s.name(), s.sport(), start, end, timeZone, format, s.weights(), s.autoSolve(), teams,
                    venues, slots, constraints, matchups, distances);
        }
    }
}
