package io.flextime.rules.drift;

import static io.flextime.rules.drift.TinySeasons.games;
import static io.flextime.rules.drift.TinySeasons.penalty;
import static io.flextime.rules.drift.TinySeasons.soft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.core.rules.GameWindow;
import io.flextime.core.rules.GameWindow.Position;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.RuleCatalogue;
import io.flextime.rules.evaluator.Assignment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GAME_WINDOW's exact penalty on a tiny season (counted on a team's games, not on slots), the other implementations agreeing. */
class GameWindowPenaltyTest {
    // t0: slot 0 H, 1 A, 2 A, 4 H; t1: 0 A, 2 H, 3 H, 5 A; t2: 1 H, 3 A, 4 A, 5 H (each has two byes)
    private static final List<Assignment> GAMES = games("0:0-1", "1:2-0", "2:1-0", "3:1-2", "4:0-2", "5:2-1");

    @Test
    void countsTheModeAmongEachTeamsFirstOrLastGames() {
        List<LocalDate> dates = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            dates.add(LocalDate.of(2026, 1, 5).plusDays(2L * s));
        }
        int none = RuleCatalogue.NO_LIMIT;
        Season season = TinySeasons.season(3, dates, List.of(
                soft("first-3-away", 4, new GameWindow(List.of(), Position.FIRST, 3, Mode.A, 0, 1)),
                soft("last-2-home", 2, new GameWindow(List.of(), Position.LAST, 2, Mode.H, 2, none)),
                soft("first-10-home", 1, new GameWindow(List.of("t0"), Position.FIRST, 10, Mode.H, 3, none))));
        // first three games: t0 H A A (2 away), t1 A H H (1), t2 H A A (2): 2 teams one away game over → 2 × 4
        assertEquals(8.0, penalty(season, GAMES, "first-3-away"));
        // last two games: t0 A H, t1 H A (slots 3 and 5: its bye in slot 4 is skipped), t2 A H: one home game
        // short each → 3 × 2
        assertEquals(6.0, penalty(season, GAMES, "last-2-home"));
        // t0 has only four games, all counted: 2 home, one short of 3 → 1
        assertEquals(1.0, penalty(season, GAMES, "first-10-home"));
        assertTrue(DriftCheck.all(season, GAMES, "tiny game-window season") > 0);
    }
}
