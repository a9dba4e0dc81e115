package io.flextime.solve.replan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Game;
import io.flextime.core.model.Season;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.solve.engine.CpSatSeasonSolver;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The re-plan on a small dated season whose fewest moves are known by enumeration: 4 teams, a double round
 * robin played on slots 0–5 of 9 (a date every 3 days), slots 0–1 played (frozen), one game pinned, one
 * postponed, and team t0 unavailable on the dates of slots 3–5.
 */
class ReplanSeasonTest {
    private static final int FROZEN_SLOTS = ReplanFixtures.FROZEN;
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @Test
    void aReplanKeepsFrozenAndPinnedGamesAndReachesTheFewestMovesThatEnumerationFinds() {
        Season season = ReplanFixtures.season();
        List<Game> base = ReplanFixtures.base(season);
        int pinnedGame = ReplanFixtures.gameAt(base, 5, "t1");
        int postponedGame = ReplanFixtures.gameAt(base, 4, "t1");
        Replan replan = new Replan("base", date(FROZEN_SLOTS).toString(), 1000, List.of(
                new Replan.Change(Replan.POSTPONE, postponedGame, null, null, null),
                new Replan.Change(Replan.TEAM_UNAVAILABLE, null, "t0", null, List.of(date(3).toString(), date(4).toString(),
                        date(5).toString()))));
        ReplanSeason.Derived derived = ReplanSeason.derive(season, base, Set.of(pinnedGame), replan);
        assertEquals(Set.of(1, 2, 3, 4), derived.frozen(), "the games of slots 0 and 1 were played");
        assertEquals(Set.of(postponedGame), derived.postponed());
        assertEquals(Set.of(postponedGame, ReplanFixtures.gameAt(base, 3, "t0"), ReplanFixtures.gameAt(base, 4, "t0"),
                ReplanFixtures.gameAt(base, 5, "t0")), derived.displaced(), "the postponed game and t0's games on its closed dates");

        int fewest = ReplanFixtures.fewestMoves(base, Set.of(pinnedGame), postponedGame);
        assertTrue(fewest >= 2, "the scenario forces moves (t0 loses three dates): " + fewest);

        long began = System.nanoTime();
        SolveResult r = new ReplanSearch(new CpSatSeasonSolver()).solve(derived, new SolveSettings(Duration.ofSeconds(10), 2, 1L,
                null, derived.start(), null, null), inc -> { });
        double wall = (System.nanoTime() - began) / 1e9;
        assertTrue(r.hasSolution(), r.status());
        // every stage stops with its share of the budget (a stage that fell through to CP-SAT's phases overran)
        assertTrue(wall < 12, "a 10 s re-plan took " + wall + " s");
        Evaluation e = evaluator.evaluate(derived.season(), r.games(), derived.season().weights());
        assertTrue(e.feasible(), e.describeInfeasibility());
        Set<String> result = new HashSet<>();
        r.games().forEach(a -> result.add(key(a.slot(), a.home(), a.away())));
        for (Game g : base) {
            if (derived.frozen().contains(g.number()) || g.number() == pinnedGame) {
                assertTrue(result.contains(key(g.slotIndex(), g.homeTeam(), g.awayTeam())), "kept: game " + g);
            }
        }
        List<ReplanOutcome.MovedGame> moved = ReplanOutcome.moved(base, r.games(), derived.postponed());
        assertEquals(fewest, ReplanOutcome.movesBesidesPostponed(moved), "moves besides the postponed game: " + moved);
        ReplanOutcome.MovedGame p = moved.stream().filter(ReplanOutcome.MovedGame::postponed).findFirst().orElseThrow();
        assertTrue(p.toSlot() >= FROZEN_SLOTS && p.toSlot() != p.fromSlot(), "the postponed game has a new date: " + p);
    }

    @Test
    void namesWhatTheBaseDoesNotHave() {
        Season season = ReplanFixtures.season();
        List<Game> base = ReplanFixtures.base(season);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReplanSeason.derive(season, base, Set.of(),
                new Replan("base", date(2).toString(), 10, List.of(new Replan.Change(Replan.POSTPONE, 99, null, null, null)))));
        assertTrue(e.getMessage().contains("no game 99"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReplanSeason.derive(season, base, Set.of(),
                new Replan("base", date(4).toString(), 10, List.of(new Replan.Change(Replan.TEAM_UNAVAILABLE, null, "t1", null,
                        List.of(date(1).toString()))))));
        assertTrue(e.getMessage().contains("before frozenBefore"), e.getMessage());
    }

    private static LocalDate date(int slot) {
        return ReplanFixtures.date(slot);
    }

    private static String key(int slot, String home, String away) {
        return slot + ":" + home + ":" + away;
    }
}
