package io.flextime.rules.drift;

import static io.flextime.rules.drift.TinySeasons.games;
import static io.flextime.rules.drift.TinySeasons.penalty;
import static io.flextime.rules.drift.TinySeasons.soft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.core.rules.ConsecutiveGames;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.RuleCatalogue;
import io.flextime.rules.evaluator.Assignment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONSECUTIVE_GAMES' exact penalty on a tiny season (runs of a team's games, byes skipped), the other implementations agreeing. */
class ConsecutiveGamesPenaltyTest {
    // t0: slot 0 H, 1 A, 2 A, 4 H; t1: 0 A, 2 H, 3 H, 5 A; t2: 1 H, 3 A, 4 A, 5 H (each has two byes)
    private static final List<Assignment> GAMES = games("0:0-1", "1:2-0", "2:1-0", "3:1-2", "4:0-2", "5:2-1");

    @Test
    void countsEveryRunOfConsecutiveGames() {
        List<LocalDate> dates = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            dates.add(LocalDate.of(2026, 1, 5).plusDays(2L * s));
        }
        Season season = TinySeasons.season(3, dates, List.of(
                soft("road-2-of-3", 3, new ConsecutiveGames(List.of(), 3, Mode.A, 0, 1)),
                soft("home-1-of-2", 1, new ConsecutiveGames(List.of(), 2, Mode.H, 1, RuleCatalogue.NO_LIMIT)),
                soft("runs-of-5", 9, new ConsecutiveGames(List.of(), 5, Mode.A, 0, 0))));
        // runs of three games: t0 HAA, AAH (2 away each: 1 over, twice); t1 AHH, HHA (fine); t2 HAA, AAH (twice):
        // 4 × 3
        assertEquals(12.0, penalty(season, GAMES, "road-2-of-3"));
        // runs of two: t0 HA, AA, AH (AA has no home game: 1); t1 AH, HH, HA (its byes in slots 1 and 4 skipped: 0);
        // t2 HA, AA, AH (1): 2 × 1
        assertEquals(2.0, penalty(season, GAMES, "home-1-of-2"));
        // no team plays five games: no run, nothing counted
        assertEquals(0.0, penalty(season, GAMES, "runs-of-5"));
        assertTrue(DriftCheck.all(season, GAMES, "tiny consecutive-games season") > 0);
    }
}
