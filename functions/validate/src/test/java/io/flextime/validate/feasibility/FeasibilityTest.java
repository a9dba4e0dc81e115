package io.flextime.validate.feasibility;

import io.flextime.rules.probe.FeasibilityProbe;
import static io.flextime.validate.SeasonFixtures.hard;
import static io.flextime.validate.SeasonFixtures.params;
import static io.flextime.validate.SeasonFixtures.valid;
import static io.flextime.validate.SeasonFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import io.flextime.validate.checks.ValidationSettings;
import io.flextime.validate.findings.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Check class 4: pre-solve feasibility. Four teams, compact double round robin over slots 0..5: each
 * team plays every slot, 3 home and 3 away games.
 */
class FeasibilityTest {
    private final FeasibilityPass pass = new FeasibilityPass();

    private static ObjectNode ca1(String team, String mode, int max, Integer... slots) {
        ObjectNode p = params().put("mode", mode).put("max", max);
        p.putArray("teams").add(team);
        var arr = p.putArray("slots");
        for (int s : slots) {
            arr.add(s);
        }
        return p;
    }

    private static ObjectNode fixed(String home, String away, int slot) {
        return params().put("home", home).put("away", away).put("slot", slot);
    }

    /** Decoys that are satisfiable with everything else: they must never be named. */
    private static Season withDecoys(Season s) {
        return with(s, b -> b.constraint(hard("decoy-ca1", ConstraintType.CA1, ca1("iowa-state", "H", 2, 0, 1, 2)))
                .constraint(hard("decoy-fixed", ConstraintType.FIXED_GAME, fixed("baylor", "iowa-state", 5))));
    }

    private static Set<String> named(List<Finding> findings) {
        Set<String> out = new TreeSet<>();
        findings.stream().filter(Finding::isError).forEach(f -> out.addAll(f.constraintIds()));
        return out;
    }

    private List<Finding> counting(Season s) {
        return pass.counting(SeasonIndex.tolerant(s));
    }

    @Test
    void aFeasibleSeasonPassesTheCountingAndTheProbeFindsASchedule() {
        Season s = withDecoys(valid());
        assertEquals(List.of(), counting(s));
        var outcome = pass.run(SeasonIndex.tolerant(s), ValidationSettings.defaults(), true);
        assertEquals(FeasibilityProbe.Status.FEASIBLE, outcome.probe().status());
        assertEquals(List.of("FEAS_CPSAT_FEASIBLE"), outcome.findings().stream().map(Finding::code).toList());
    }

    @Test
    void aBlackoutThatLeavesACompactTeamNoGameInASlotIsNamed() {
        Season s = withDecoys(with(valid(), b -> b.constraint(hard("kansas-away-week", ConstraintType.TEAM_UNAVAILABLE,
                params().put("team", "kansas").put("slots", "1;2")))));
        List<Finding> found = counting(s);
        assertTrue(found.stream().anyMatch(f -> f.code().equals("FEAS_TEAM_SLOTS")), found.toString());
        assertEquals(Set.of("kansas-away-week"), named(found));
    }

    @Test
    void tooFewHomeSlotsAfterACapacityLimitIsCounted() {
        Season s = withDecoys(with(valid(), b -> b.constraint(hard("kansas-road-start", ConstraintType.CA1,
                ca1("kansas", "H", 0, 0, 1, 2, 3)))));
        List<Finding> found = counting(s);
        assertEquals(List.of("FEAS_TEAM_HOME_SLOTS"), found.stream().map(Finding::code).toList());
        assertTrue(found.get(0).message().contains("needs 3 home games but at most 2"), found.get(0).message());
        assertEquals(Set.of("kansas-road-start"), named(found));
    }

    @Test
    void aFixedHomeGameWhereACa1AllowsNoneNamesExactlyBoth() {
        Season s = withDecoys(with(valid(), b -> b
                .constraint(hard("kansas-no-home-slot-2", ConstraintType.CA1, ca1("kansas", "H", 0, 2)))
                .constraint(hard("kansas-hosts-baylor", ConstraintType.FIXED_GAME, fixed("kansas", "baylor", 2)))));
        List<Finding> found = counting(s);
        assertEquals(List.of("FEAS_FIXED_GAMES_EXCEED_CA1"), found.stream().map(Finding::code).toList());
        assertEquals(Set.of("kansas-no-home-slot-2", "kansas-hosts-baylor"), named(found));
    }

    @Test
    void twoFixedGamesOfOneTeamInOneSlotClash() {
        Season s = withDecoys(with(valid(), b -> b
                .constraint(hard("fix-a", ConstraintType.FIXED_GAME, fixed("kansas", "baylor", 3)))
                .constraint(hard("fix-b", ConstraintType.FIXED_GAME, fixed("iowa-state", "kansas", 3)))));
        List<Finding> found = counting(s);
        assertEquals(List.of("FEAS_FIXED_GAME_CLASH"), found.stream().map(Finding::code).toList());
        assertEquals(Set.of("fix-a", "fix-b"), named(found));
    }

    @Test
    void breakLimitsBelowTheRoundRobinMinimumAreImpossible() {
        ObjectNode br2 = params().put("intp", 1);
        br2.putArray("teams").add("kansas").add("iowa-state").add("kansas-state").add("baylor");
        Season s = withDecoys(with(valid(), b -> b.constraint(hard("at-most-1-break", ConstraintType.BR2, br2))));
        List<Finding> found = counting(s);
        assertEquals(List.of("FEAS_BREAK_LIMIT"), found.stream().map(Finding::code).toList());
        assertTrue(found.get(0).message().contains("at least 2"), found.get(0).message());
        assertEquals(Set.of("at-most-1-break"), named(found));
    }

    @Test
    void aCa1MinimumAboveAnotherCa1MaximumOverMoreSlotsContradicts() {
        ObjectNode low = ca1("kansas", "H", 2, 0, 1);
        low.put("min", 2);
        Season s = withDecoys(with(valid(), b -> b.constraint(hard("two-home-first", ConstraintType.CA1, low))
                .constraint(hard("one-home-first-four", ConstraintType.CA1, ca1("kansas", "HA", 1, 0, 1, 2, 3)))));
        List<Finding> found = counting(s);
        assertTrue(found.stream().anyMatch(f -> f.code().equals("FEAS_CA1_CONTRADICTION")), found.toString());
        assertEquals(Set.of("two-home-first", "one-home-first-four"), named(found));
    }

    @Test
    void aFixedGameOnADateTheVisitorIsUnavailableNamesBoth() {
        Season s = withDecoys(with(valid(), b -> b
                .constraint(hard("baylor-exams", ConstraintType.TEAM_UNAVAILABLE, params().put("team", "baylor")
                        .put("dates", b.slots.get(4).date().toString())))
                .constraint(hard("kansas-baylor-fixed", ConstraintType.FIXED_GAME, params().put("home", "kansas")
                        .put("away", "baylor").put("date", b.slots.get(4).date().toString())))));
        List<Finding> found = counting(s);
        assertTrue(found.stream().anyMatch(f -> f.code().equals("FEAS_FIXED_GAME_FORBIDDEN")), found.toString());
        assertEquals(Set.of("baylor-exams", "kansas-baylor-fixed"), named(found));
    }

    @Test
    void teamsSharingAnArenaNeedMoreHomeDatesThanItHas() {
        ObjectNode shared = params().put("venue", "allen");
        shared.putArray("teams").add("kansas").add("kansas-state");
        // two teams, three home games each, one arena, six slots: fits exactly; closing the arena once breaks it
        Season fits = with(valid(), b -> b.constraint(hard("shared-allen", ConstraintType.SHARED_VENUE, shared)));
        assertEquals(List.of(), counting(fits));
        Season s = with(fits, b -> {
            b.teams.set(2, new io.flextime.core.model.Team("kansas-state", "Kansas State", "allen", "America/Chicago",
                    java.util.Map.of()));
            return b.constraint(hard("allen-closed", ConstraintType.VENUE_UNAVAILABLE, params().put("venue", "allen")
                    .put("slots", "5")));
        });
        List<Finding> found = counting(s);
        assertTrue(found.stream().anyMatch(f -> f.code().equals("FEAS_SHARED_VENUE_CAPACITY")), found.toString());
        assertEquals(Set.of("shared-allen", "allen-closed"), named(found));
    }

    @Test
    void minimumRestDaysThatLeaveTooFewDatesAreCounted() {
        // slots every 3 days: at least 4 days between games leaves 3 of the 6 dates
        Season relaxed = with(valid(), b -> {
            b.format = new io.flextime.core.model.SeasonFormat(io.flextime.core.model.SeasonFormat.RoundRobin.DOUBLE, false,
                    false, false, null, null, null, null);
            return b;
        });
        assertEquals(List.of(), counting(with(relaxed, b -> b.constraint(hard("rest-3", ConstraintType.MIN_REST_DAYS,
                params().put("days", 3))))));
        List<Finding> found = counting(with(relaxed, b -> b.constraint(hard("rest-4", ConstraintType.MIN_REST_DAYS,
                params().put("days", 4)))));
        assertTrue(found.stream().anyMatch(f -> f.code().equals("FEAS_TEAM_REST_DAYS")), found.toString());
        assertEquals(Set.of("rest-4"), named(found));
    }

    @Test
    void theProbeNamesAConflictNoCountingArgumentSees() {
        ObjectNode first = params().put("min", 1).put("max", 1);
        first.putArray("meetings").addArray().add("kansas").add("baylor");
        first.putArray("slots").add(0);
        ObjectNode second = params().put("min", 1).put("max", 1);
        second.putArray("meetings").addArray().add("iowa-state").add("kansas");
        second.putArray("slots").add(0);
        Season s = withDecoys(with(valid(), b -> b.constraint(hard("kansas-baylor-opener", ConstraintType.GA1, first))
                .constraint(hard("iowa-state-kansas-opener", ConstraintType.GA1, second))));
        assertEquals(List.of(), counting(s), "no counting argument catches two openers for one team");
        var outcome = pass.run(SeasonIndex.tolerant(s),
                ValidationSettings.defaults().withProbe(true), true);
        assertEquals(FeasibilityProbe.Status.INFEASIBLE, outcome.probe().status());
        assertEquals(Set.of("kansas-baylor-opener", "iowa-state-kansas-opener"), Set.copyOf(outcome.probe().conflict()));
        assertTrue(outcome.probe().minimal());
        assertEquals(List.of("FEAS_CPSAT_CONFLICT"), outcome.findings().stream().map(Finding::code).toList());
        assertTrue(outcome.probe().seconds() < Duration.ofSeconds(5).toSeconds());
    }
}
