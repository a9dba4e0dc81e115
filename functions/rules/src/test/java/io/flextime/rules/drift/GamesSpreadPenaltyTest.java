package io.flextime.rules.drift;

import static io.flextime.rules.drift.TinySeasons.games;
import static io.flextime.rules.drift.TinySeasons.penalty;
import static io.flextime.rules.drift.TinySeasons.soft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.core.rules.GamesSpread;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.SlotCover;
import io.flextime.rules.evaluator.Assignment;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GAMES_SPREAD's exact penalty on a tiny season, the other implementations agreeing. */
class GamesSpreadPenaltyTest {
    // Mon 5, Wed 7, Fri 9, Sun 11, Tue 13, Thu 15 January 2026
    // t0: slot 0 H, 1 A, 2 A, 4 H; t1: 0 A, 2 H, 3 H, 5 A; t2: 1 H, 3 A, 4 A, 5 H
    private static final List<Assignment> GAMES = games("0:0-1", "1:2-0", "2:1-0", "3:1-2", "4:0-2", "5:2-1");

    @Test
    void countsTheSpreadAboveTheAllowedOne() {
        List<LocalDate> dates = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            dates.add(LocalDate.of(2026, 1, 5).plusDays(2L * s));
        }
        SlotCover slots04 = new SlotCover(List.of(0, 4), List.of(), List.of());
        Season season = TinySeasons.season(3, dates, List.of(
                soft("home-0-4", 3, new GamesSpread(List.of(), slots04, Mode.H, 0)),
                soft("home-0-4-spread-1", 1, new GamesSpread(List.of(), slots04, Mode.H, 1)),
                soft("away-fri-sun", 5, new GamesSpread(List.of(), new SlotCover(List.of(), List.of(),
                        List.of(DayOfWeek.FRIDAY, DayOfWeek.SUNDAY)), Mode.A, 0)),
                soft("t1-t2-all", 7, new GamesSpread(List.of("t1", "t2"), new SlotCover(List.of(), List.of(), List.of()), Mode.HA, 0))));
        // home games in slots 0 and 4: t0 2, t1 0, t2 0: spread 2, allowed 0 → 2 × 3; allowed 1 → 1 × 1
        assertEquals(6.0, penalty(season, GAMES, "home-0-4"));
        assertEquals(1.0, penalty(season, GAMES, "home-0-4-spread-1"));
        // away games on Friday 9 and Sunday 11 (slots 2 and 3): t0 1, t1 0, t2 1: spread 1 → 1 × 5
        assertEquals(5.0, penalty(season, GAMES, "away-fri-sun"));
        // every slot, all games: t1 and t2 play 4 each → 0
        assertEquals(0.0, penalty(season, GAMES, "t1-t2-all"));
        assertTrue(DriftCheck.all(season, GAMES, "tiny games-spread season") > 0);
    }
}
