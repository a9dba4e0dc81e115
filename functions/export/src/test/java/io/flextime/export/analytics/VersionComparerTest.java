package io.flextime.export.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparing two versions of the {@link LineLeague}: which games moved, flipped, came and went, and the deltas. */
class VersionComparerTest {

    static Game game(int number, int slot, String home, String away) {
        return new Game(number, slot, LineLeague.FIRST.plusWeeks(slot), home, away, "v" + home);
    }

    @Test
    void namesExactlyTheGamesThatMovedFlippedAppearedAndDisappeared() {
        List<Game> base = LineLeague.games();
        List<Game> candidate = new ArrayList<>();
        for (Game g : base) {
            switch (g.number()) {
                case 1 -> candidate.add(game(1, 5, "A", "B"));  // A v B: s0 → s5
                case 5 -> candidate.add(game(5, 2, "D", "A"));  // A v D in s2 becomes D v A in s2 (D v A stays in s5)
                case 12 -> { }                                  // C v B in s5 is dropped
                default -> candidate.add(g);
            }
        }
        candidate.add(game(13, 1, "B", "A"));                   // an extra B v A in s1 (B v A in s3 stays)

        GameChanges.Result r = GameChanges.between(base, candidate);
        assertEquals(List.of(
                new ChangedGame(ChangedGame.ADDED, "B", "A", 1, LineLeague.FIRST.plusWeeks(1), null, null),
                new ChangedGame(ChangedGame.FLIPPED, "D", "A", 2, LineLeague.FIRST.plusWeeks(2), 2, LineLeague.FIRST.plusWeeks(2)),
                new ChangedGame(ChangedGame.MOVED, "A", "B", 5, LineLeague.FIRST.plusWeeks(5), 0, LineLeague.FIRST),
                new ChangedGame(ChangedGame.REMOVED, "C", "B", 5, LineLeague.FIRST.plusWeeks(5), null, null)), r.changes());
        assertEquals(9, r.unchanged());
    }

    @Test
    void bothLegsSwappedReadAsTwoFlipsAndAFlipElsewhereKeepsItsPreviousSlot() {
        List<Game> base = LineLeague.games();
        // swap the venues of both A–D games (s2 and s5): flips in place, not two moves
        List<Game> both = base.stream().map(g -> g.number() == 5 ? game(5, 2, "D", "A") : g.number() == 11 ? game(11, 5, "A", "D") : g)
                .toList();
        GameChanges.Result r = GameChanges.between(base, both);
        assertEquals(List.of(ChangedGame.FLIPPED, ChangedGame.FLIPPED), r.changes().stream().map(ChangedGame::change).toList());
        assertEquals(10, r.unchanged());

        // B v C (s2) becomes C v B in s0 while C v B (s5) stays: a flip with the previous slot
        List<Game> elsewhere = base.stream().map(g -> g.number() == 6 ? game(6, 0, "C", "B") : g).toList();
        GameChanges.Result e = GameChanges.between(base, elsewhere);
        assertEquals(List.of(new ChangedGame(ChangedGame.FLIPPED, "C", "B", 0, LineLeague.FIRST, 2, LineLeague.FIRST.plusWeeks(2))),
                e.changes());
    }

    @Test
    void perTeamAndPerRuleDeltasAreCandidateMinusBase() {
        Season season = LineLeague.season();
        ObjectNode baseMetrics = new ObjectMapper().createObjectNode();
        baseMetrics.putObject("violations").put("BR1", 10);
        ObjectNode candidateMetrics = new ObjectMapper().createObjectNode();
        candidateMetrics.putObject("violations").put("BR1", 4).put("CA1", 2);
        // candidate: C v A (s1) and A v C (s4) swap slots; A then reads H H H A A A, C reads H A A A H H
        List<Game> moved = LineLeague.games().stream()
                .map(g -> g.number() == 3 ? game(3, 4, "C", "A") : g.number() == 9 ? game(9, 1, "A", "C") : g).toList();
        ScheduleVersion base = ScheduleFiguresTest.version(season, LineLeague.games(), baseMetrics);
        ScheduleVersion candidate = ScheduleFiguresTest.version(season, moved, candidateMetrics);
        VersionComparison c = VersionComparer.compare(ScheduleFigures.of(season, base), base, ScheduleFigures.of(season, candidate),
                candidate);

        VersionComparison.TeamDelta a = c.teams().get(0);
        assertEquals("A", a.team());
        // A: home ×3 → B 100 → C 100 → D 100 → home 300 = 600 (was 1200); breaks 0 → 4 (s1, s2, s4, s5)
        assertEquals(600.0, a.candidateTravelKm(), 1e-9);
        assertEquals(-600.0, a.travelDeltaKm(), 1e-9);
        assertEquals(4, a.breaksDelta());
        // C: home → A 200 → B 100 → D 200 → home 100 = 600 (was 800); breaks 3 → 3 (s2, s3, s5)
        VersionComparison.TeamDelta cTeam = c.teams().get(2);
        assertEquals(-200.0, cTeam.travelDeltaKm(), 1e-9);
        assertEquals(0, cTeam.breaksDelta());
        assertEquals(-800.0, c.totals().travelDeltaKm(), 1e-9);
        assertEquals(List.of(new VersionComparison.ViolationDelta("BR1", 10, 4, -6), new VersionComparison.ViolationDelta("CA1", 0, 2, 2)),
                c.violations());
        assertEquals(-4.0, c.totals().penaltyDelta(), 1e-9);
        // A and C still meet in s1 and s4, each time at the other venue: two flips, not two moves
        assertEquals(2, c.totals().flipped());
        assertEquals(0, c.totals().moved());
        assertEquals(10, c.totals().unchanged());
        assertNull(c.teams().stream().filter(t -> t.team().equals("X")).findFirst().orElse(null));
    }
}
