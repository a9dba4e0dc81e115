package io.flextime.ingest.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The committed Big 12 sample against the reference data it was built from. */
class Big12SampleTest {
    static final Path ROOT = SamplePaths.repoRoot();
    static final Path DATA = SamplePaths.big12Data(ROOT);

    static Season sample() throws Exception {
        // A plain mapper, as any consumer of the canonical document would use.
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .readValue(ROOT.resolve("samples/big12-mbb-2025-26/season.json").toFile(), Season.class);
    }

    @Test
    void teamsAndArenasAreTheSixteenOfTheReferenceFileWithTheirCoordinates() throws Exception {
        Season s = sample();
        List<CSVRecord> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(DATA.resolve("teams_2024_25.csv"))) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).forEach(rows::add);
        }
        assertEquals(16, rows.size());
        assertEquals(16, s.teams().size());
        assertEquals(16, s.venues().size());
        for (CSVRecord r : rows) {
            Team t = s.teams().stream().filter(x -> x.name().equals(r.get("team"))).findFirst().orElseThrow();
            Venue v = s.venue(t.venueId()).orElseThrow();
            assertEquals(r.get("arena"), v.name());
            assertEquals(Double.parseDouble(r.get("lat")), v.latitude(), 0.0, t.id());
            assertEquals(Double.parseDouble(r.get("lon")), v.longitude(), 0.0, t.id());
            assertTrue(t.id().matches("[a-z0-9-]+"), "short lower-case slug: " + t.id());
        }
        assertTrue(s.team("kansas").isPresent() && s.team("byu").isPresent());
    }

    @Test
    void greatCircleDistancesFromTheCoordinatesMatchTheReferenceMatrix() throws Exception {
        Season s = sample();
        List<String> lines = Files.readAllLines(DATA.resolve("distance_matrix_km.txt")).stream().filter(l -> !l.isBlank()).toList();
        var table = s.distanceTable();
        for (int i = 0; i < 16; i++) {
            String[] cells = lines.get(i).trim().split("\\s+");
            for (int j = 0; j < 16; j++) {
                double expected = Double.parseDouble(cells[j]);
                double km = table.km(s.teams().get(i).venueId(), s.teams().get(j).venueId());
                assertEquals(expected, km, 1.0, s.teams().get(i).id() + " -> " + s.teams().get(j).id());
            }
        }
    }

    @Test
    void formatWindowAndCalendarFollowTheReadme() throws Exception {
        Season s = sample();
        assertEquals(SeasonFormat.RoundRobin.PARTIAL, s.format().roundRobin());
        assertEquals(18, s.format().gamesPerTeam());
        assertEquals(3, s.format().twiceOpponents());
        assertEquals(LocalDate.of(2026, 1, 2), s.start());
        assertEquals(LocalDate.of(2026, 3, 7), s.end());
        assertTrue(s.slots().stream().allMatch(x -> !x.date().isBefore(s.start()) && !x.date().isAfter(s.end())));
        assertEquals(s.slots().size(), s.slots().stream().map(x -> x.date()).distinct().count(), "one slot per date");
        for (int i = 0; i < s.slots().size(); i++) {
            assertEquals(i, s.slots().get(i).index());
        }
        // 18 games with >= 2 days between them and at most 2 per Sat..Wed week must fit the calendar.
        assertTrue(s.slots().size() >= 36, "enough dates: " + s.slots().size());
        assertTrue(s.autoSolve());
    }

    @Test
    void theRuleBookRulesAreThere() throws Exception {
        Season s = sample();
        SeasonConstraint byu = constraint(s, "byu-never-on-sunday");
        assertEquals(ConstraintType.TEAM_UNAVAILABLE, byu.type());
        assertTrue(byu.hard());
        assertEquals("byu", byu.params().get("team").asText());
        assertEquals("SUNDAY", byu.params().get("weekdays").get(0).asText());
        assertTrue(s.slots().stream().anyMatch(x -> x.date().getDayOfWeek() == DayOfWeek.SUNDAY), "the BYU rule bites");
        assertEquals(2, constraint(s, "max-2-consecutive-road-games").params().get("max").asInt());
        assertEquals(ConstraintType.SE1, constraint(s, "rematch-separation-10-days").type());
        assertEquals(2, constraint(s, "min-2-rest-days").params().get("days").asInt());
        for (SeasonConstraint c : s.constraints()) {
            assertTrue(c.hard() || c.penalty() > 0, c.id() + ": a soft rule has a penalty");
        }
    }

    @Test
    void finalExamBlackoutsAreExactlyThoseInTheWindow() throws Exception {
        Season s = sample();
        Set<String> expected = new HashSet<>();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MMMM d yyyy", Locale.ENGLISH);
        try (Reader in = Files.newBufferedReader(DATA.resolve("final_exams_2025_26.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Team t = s.teams().stream().filter(x -> x.name().equals(r.get("School"))).findFirst().orElseThrow();
                for (String[] term : List.of(new String[] {r.get(1), "2025"}, new String[] {r.get(2), "2026"})) {
                    for (String day : term[0].split(",")) {
                        if (!day.isBlank()) {
                            LocalDate d = LocalDate.parse(day.trim() + " " + term[1], f);
                            if (!d.isBefore(s.start()) && !d.isAfter(s.end())) {
                                expected.add(t.id() + "@" + d);
                            }
                        }
                    }
                }
            }
        }
        Set<String> actual = new HashSet<>();
        s.constraints().stream().filter(c -> c.id().startsWith("final-exams-")).forEach(c -> c.params().get("dates")
                .forEach(d -> actual.add(c.params().get("team").asText() + "@" + d.asText())));
        assertEquals(expected, actual);
    }

    @Test
    void theCommittedFilesAreWhatTheGeneratorMakes() throws Exception {
        ObjectMapper mapper = Big12SampleWriter.mapper();
        Season derived = Big12Season.derive(DATA, mapper);
        assertEquals(derived, sample(), "re-run Big12SampleWriter after changing Big12Season");
        assertEquals(mapper.writeValueAsString(derived) + "\n",
                Files.readString(ROOT.resolve("samples/big12-mbb-2025-26/season.json")));
    }

    static SeasonConstraint constraint(Season s, String id) {
        return s.constraints().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }
}
