package io.flextime.export.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.Venue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Figures of the hand-checked {@link LineLeague}: travel, breaks, the grid, and what the solver's metrics override. */
class ScheduleFiguresTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ScheduleVersion version(Season season, List<Game> games, ObjectNode metrics) {
        return new ScheduleVersion(UUID.randomUUID(), "t", UUID.randomUUID(), UUID.randomUUID(), season.season(), "FEASIBLE", 1.0,
                0.0, 1.0, null, metrics, "c", Instant.parse("2026-01-01T00:00:00Z"), games);
    }

    static Map<String, TeamFigures> byTeam(VersionFigures f) {
        return f.teams().stream().collect(Collectors.toMap(TeamFigures::team, t -> t));
    }

    @Test
    void travelAndBreaksAreRecomputedFromTheGamesWhenTheSolverRecordedNone() {
        VersionFigures f = ScheduleFigures.of(LineLeague.season(), version(LineLeague.season(), LineLeague.games(), null));
        Map<String, TeamFigures> t = byTeam(f);
        // A: home 0 → C 200 → home 200 → B 100 → home 100 → D 300 → home 300 = 1200
        assertEquals(1200.0, t.get("A").travelKm(), 1e-9);
        // B: at 100 → A 100 → D 300 → home 200 → (home twice) → C 100 → home 100 = 800
        assertEquals(800.0, t.get("B").travelKm(), 1e-9);
        // C: home twice → B 100 → D 200 → A 300 → home 200 = 800
        assertEquals(800.0, t.get("C").travelKm(), 1e-9);
        // D: C 100 → home 100 → A 300 → home 300 → B 200 → home 200 = 1200
        assertEquals(1200.0, t.get("D").travelKm(), 1e-9);
        assertEquals(4000.0, f.totalTravelKm(), 1e-9);
        assertEquals(List.of(0, 3, 3, 0), f.teams().stream().map(TeamFigures::breaks).toList());
        assertEquals(6, f.totalBreaks());
        assertEquals(VersionFigures.RECOMPUTED, f.travelFrom());
        assertEquals(VersionFigures.RECOMPUTED, f.breaksFrom());
        assertEquals(12, f.games());
        assertTrue(f.violations().isEmpty());
    }

    @Test
    void theGridHasOneCellPerSlotWithRoleOpponentAndBreakMarks() {
        VersionFigures f = ScheduleFigures.of(LineLeague.season(), version(LineLeague.season(), LineLeague.games(), null));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), f.slots().stream().map(SlotColumn::index).toList());
        assertEquals(LineLeague.FIRST.plusWeeks(2), f.slots().get(2).date());
        TeamFigures b = byTeam(f).get("B");
        assertEquals("AAHHHA", pattern(b));
        assertEquals(List.of("A", "D", "C", "A", "D", "C"), b.pattern().stream().map(PatternCell::opponent).toList());
        assertEquals(List.of(false, true, false, true, true, false), b.pattern().stream().map(PatternCell::breakGame).toList());
        assertEquals(3, b.home());
        assertEquals(3, b.away());
        assertEquals(0, b.byes());
    }

    @Test
    void aByeEndsARunOfHomeOrAwayGames() {
        // without game 3 (C hosts A in s1) A reads H-H-A-H-A (no break) and C reads H-A-A-A-H (breaks in s3, s4)
        List<Game> games = LineLeague.games().stream().filter(g -> g.number() != 3).toList();
        VersionFigures f = ScheduleFigures.of(LineLeague.season(), version(LineLeague.season(), games, null));
        Map<String, TeamFigures> t = byTeam(f);
        assertEquals("H-HAHA", pattern(t.get("A")));
        assertEquals(0, t.get("A").breaks());
        assertEquals("H-AAAH", pattern(t.get("C")));
        assertEquals(2, t.get("C").breaks());
        assertEquals(1, t.get("A").byes());
        // A no longer goes to C: home → home → B 100 → home 100 → D 300 → home 300 = 800
        assertEquals(800.0, t.get("A").travelKm(), 1e-9);
    }

    @Test
    void theSolversMetricsWinWhenTheyCoverEveryTeamAndPenaltiesAreListedPerConstraint() {
        ObjectNode metrics = MAPPER.createObjectNode();
        metrics.putObject("travelPerTeam").put("A", 1.5).put("B", 2).put("C", 3).put("D", 4);
        metrics.putObject("breaksPerTeam").put("A", 7).put("B", 0).put("C", 1).put("D", 2);
        metrics.putObject("violations").put("CA1-home", 3).put("BR1-breaks", 12.5);
        VersionFigures f = ScheduleFigures.of(LineLeague.season(), version(LineLeague.season(), LineLeague.games(), metrics));
        assertEquals(10.5, f.totalTravelKm(), 1e-9);
        assertEquals(10, f.totalBreaks());
        assertEquals(VersionFigures.SOLVER, f.travelFrom());
        assertEquals(List.of("BR1-breaks", "CA1-home"), List.copyOf(f.violations().keySet()));
        assertEquals(15.5, f.totalPenalty(), 1e-9);

        metrics.withObject("/travelPerTeam").remove("D");
        VersionFigures partial = ScheduleFigures.of(LineLeague.season(), version(LineLeague.season(), LineLeague.games(), metrics));
        assertEquals(VersionFigures.RECOMPUTED, partial.travelFrom(), "metrics missing a team are not used");
        assertEquals(4000.0, partial.totalTravelKm(), 1e-9);
        assertEquals(VersionFigures.SOLVER, partial.breaksFrom());
    }

    @Test
    void travelIsUnknownWithoutADistanceAndGreatCircleWithoutAMatrix() {
        Season line = LineLeague.season();
        Season noMatrix = new Season(line.season(), line.name(), line.sport(), line.start(), line.end(), line.timeZone(), line.format(),
                null, false, line.teams(), line.venues(), line.slots(), List.of(), List.of(), List.of());
        VersionFigures unknown = ScheduleFigures.of(noMatrix, version(noMatrix, LineLeague.games(), null));
        assertNull(unknown.totalTravelKm());
        assertTrue(unknown.teams().stream().allMatch(t -> t.travelKm() == null));

        List<Venue> located = line.venues().stream().map(v -> new Venue(v.id(), v.name(), v.city(), 0.0,
                "vA".equals(v.id()) ? 0.0 : 1.0, v.capacity(), v.timeZone())).toList();
        Season coordinates = new Season(line.season(), line.name(), line.sport(), line.start(), line.end(), line.timeZone(),
                line.format(), null, false, line.teams(), located, line.slots(), List.of(), List.of(), List.of());
        VersionFigures gc = ScheduleFigures.of(coordinates, version(coordinates, LineLeague.games(), null));
        // only A's arena is elsewhere (1° of longitude on the equator ≈ 111.2 km): A travels out and back 3×, the others visit A once
        double degree = io.flextime.core.model.GreatCircle.km(0, 0, 0, 1);
        assertEquals(6 * degree, byTeam(gc).get("A").travelKm(), 1e-6);
        assertEquals(2 * degree, byTeam(gc).get("B").travelKm(), 1e-6);
        assertFalse(Double.isNaN(gc.totalTravelKm()));
    }

    static String pattern(TeamFigures t) {
        return t.pattern().stream().map(c -> switch (c.role()) {
            case HOME -> "H";
            case AWAY -> "A";
            case BYE -> "-";
        }).collect(Collectors.joining());
    }
}
