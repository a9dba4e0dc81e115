package io.flextime.validate.checks;

import static io.flextime.validate.SeasonFixtures.hard;
import static io.flextime.validate.SeasonFixtures.params;
import static io.flextime.validate.SeasonFixtures.valid;
import static io.flextime.validate.SeasonFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Team;
import io.flextime.validate.SeasonFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Check class 2: the format, matchups, fixed games, shared venues against each other. */
class ConsistencyChecksTest {

    @Test
    void aConsistentSeasonPassesIncludingFullDoubleRoundRobinMatchups() {
        var season = with(valid(), b -> {
            for (Team h : SeasonFixtures.teams()) {
                for (Team a : SeasonFixtures.teams()) {
                    if (!h.id().equals(a.id())) {
                        b.matchups.add(new Matchup(h.id(), a.id(), 1));
                    }
                }
            }
            return b;
        });
        assertEquals(List.of(), Findings.of(new FormatCheck(), season));
        assertEquals(List.of(), Findings.of(new CalendarCheck(), season));
    }

    @Test
    void aCompactDoubleRoundRobinNeedsTwoTimesNMinusOneSlots() {
        var season = with(valid(), b -> {
            b.slots = new ArrayList<>(SeasonFixtures.slots(5));
            return b;
        });
        var found = Findings.of(new FormatCheck(), season);
        assertEquals(List.of("CONS_ROUND_ROBIN_SLOTS"), found.stream().map(f -> f.code()).toList());
        assertTrue(found.get(0).message().contains("exactly 6 slots"), found.get(0).message());
    }

    @Test
    void matchupsMustFitTheFormatPairByPair() {
        var season = with(valid(), b -> {
            b.matchups.add(new Matchup("kansas", "baylor", 2)); // baylor never hosts kansas; kansas hosts twice
            b.matchups.add(new Matchup("kansas", "kansas", 1));
            return b;
        });
        List<String> codes = Findings.codes(new FormatCheck(), season);
        assertTrue(codes.contains("CONS_MATCHUP_SELF"), codes.toString());
        assertTrue(codes.contains("CONS_MATCHUP_PAIRS"), codes.toString());
        assertTrue(codes.contains("CONS_MATCHUP_GAMES_PER_TEAM"), codes.toString());
        assertTrue(codes.contains("CONS_MATCHUP_HOME_AWAY"), codes.toString());
    }

    @Test
    void anOddTeamCountCannotBeCompact() {
        var season = with(valid(), b -> {
            b.teams.remove(3);
            b.format = new SeasonFormat(SeasonFormat.RoundRobin.DOUBLE, true, false, false, null, null, null, null);
            b.slots = new ArrayList<>(SeasonFixtures.slots(4));
            return b;
        });
        assertEquals(List.of("CONS_COMPACT_ODD_TEAMS"), Findings.codes(new FormatCheck(), season));
    }

    @Test
    void fixedGamesOutsideTheSeasonAndUndeclaredSharedVenuesAreFlagged() {
        var season = with(valid(), b -> {
            b.teams.set(1, new Team("iowa-state", "Iowa State", "allen", "America/Chicago", Map.of()));
            return b.constraint(hard("fixed-early", ConstraintType.FIXED_GAME, params().put("home", "kansas")
                    .put("away", "baylor").put("date", "2025-12-01")));
        });
        List<String> codes = Findings.codes(new CalendarCheck(), season);
        assertEquals(List.of("CONS_FIXED_GAME_OUTSIDE_SEASON", "CONS_SHARED_VENUE_UNDECLARED"), codes);
    }

    @Test
    void listedMatchupsWithoutARoundRobinKindAreTheWholeSpecification() {
        // A real conference season: its own matchups (here a single round robin), no round-robin kind. The
        // format default makes the matchups the games (MATCHUPS), as solve reads them, instead of holding
        // them to a double round robin they were never meant to be.
        var listed = List.of(new Matchup("kansas", "iowa-state", 1), new Matchup("kansas-state", "kansas", 1),
                new Matchup("kansas", "baylor", 1), new Matchup("iowa-state", "kansas-state", 1),
                new Matchup("baylor", "iowa-state", 1), new Matchup("kansas-state", "baylor", 1));
        var real = with(valid(), b -> {
            b.format = new SeasonFormat(null, false, false, false, null, null, null, null);
            b.matchups.addAll(listed);
            return b;
        });
        assertEquals(SeasonFormat.RoundRobin.MATCHUPS, real.format().roundRobin());
        assertEquals(List.of(), Findings.of(new FormatCheck(), real));
        var claimedDouble = with(real, b -> {
            b.format = b.format.withRoundRobin(SeasonFormat.RoundRobin.DOUBLE);
            return b;
        });
        assertTrue(Findings.codes(new FormatCheck(), claimedDouble).contains("CONS_MATCHUP_PAIRS"),
                "a kind given with the matchups is checked against them");
    }
}
