package io.flextime.rules.drift;

import static io.flextime.rules.drift.TinySeasons.games;
import static io.flextime.rules.drift.TinySeasons.penalty;
import static io.flextime.rules.drift.TinySeasons.soft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Season;
import io.flextime.core.rules.RuleCatalogue;
import io.flextime.core.rules.WeekdayPattern;
import io.flextime.rules.evaluator.Assignment;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WEEKDAY_PATTERN's exact penalty on a tiny season, and the other implementations agreeing there. */
class WeekdayPatternPenaltyTest {
    // Sat 10, Mon 12, Wed 14, Sat 17, Mon 19, Wed 21 January 2026
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 12),
            LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 17), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 21));
    // t0 plays slots 0 1 2 4 (Sat Mon Wed Mon), t1 slots 0 2 3 5 (Sat Wed Sat Wed), t2 slots 1 3 4 5 (Mon Sat Mon Wed)
    private static final List<Assignment> GAMES = games("0:0-1", "1:2-0", "2:1-0", "3:1-2", "4:0-2", "5:2-1");
    private static final List<DayOfWeek> SAT_MON_WED = List.of(DayOfWeek.SATURDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);

    @Test
    void countsEachRunOfConsecutiveGamesOnThePatternWithinTheDays() {
        Season season = TinySeasons.season(3, DATES, List.of(soft("sat-mon-wed", 5, new WeekdayPattern(List.of(), SAT_MON_WED, 7)),
                soft("within-4", 5, new WeekdayPattern(List.of(), SAT_MON_WED, 4)),
                soft("sat-wed", 3, new WeekdayPattern(List.of("t1"), List.of(DayOfWeek.SATURDAY, DayOfWeek.WEDNESDAY), 7))));
        // t0: Sat 10, Mon 12, Wed 14 (4 days); t2: Sat 17, Mon 19, Wed 21 (4 days); t1 never plays a Monday:
        // 2 runs × penalty 5
        assertEquals(10.0, penalty(season, GAMES, "sat-mon-wed"));
        // the same runs span 4 days, not fewer than 4
        assertEquals(0.0, penalty(season, GAMES, "within-4"));
        // t1: Sat 10 then Wed 14 (its bye on Mon 12 does not separate the games), Sat 17 then Wed 21: 2 × 3
        assertEquals(6.0, penalty(season, GAMES, "sat-wed"));
        assertTrue(DriftCheck.all(season, GAMES, "tiny weekday season") > 0);
    }

    @Test
    void aSeasonWithoutDatesCannotHoldIt() {
        assertTrue(RuleCatalogue.seasonProblem(new WeekdayPattern(List.of(), SAT_MON_WED, 7), false).orElseThrow()
                .contains("date"));
        assertTrue(RuleCatalogue.seasonProblem(new WeekdayPattern(List.of(), SAT_MON_WED, 7), true).isEmpty());
    }
}
