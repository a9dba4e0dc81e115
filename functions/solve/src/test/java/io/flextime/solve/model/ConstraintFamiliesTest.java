package io.flextime.solve.model;

import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import static io.flextime.solve.TinySeasons.hard;
import static io.flextime.solve.TinySeasons.soft;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.solve.TinySeasons;
import io.flextime.solve.engine.CpSatSeasonSolver;
import io.flextime.solve.engine.SolveResult;
import io.flextime.solve.engine.SolveSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One focused test per constraint family: a compact double round robin of 4 teams (t0..t3, 6 slots,
 * each team 3 home and 3 away games, no travel), one soft constraint whose least possible deviation is
 * known by hand, sometimes pinned down by hard ones. The solver must prove that optimum and the
 * independent evaluator must charge exactly that penalty to exactly that constraint.
 */
class ConstraintFamiliesTest {
    private final CpSatSeasonSolver solver = new CpSatSeasonSolver();

    private void assertOptimalPenalty(Season season, String softId, double expected) {
        SolveResult r = solver.solve(season, SolveSettings.of(Duration.ofSeconds(20)), i -> { });
        assertEquals("OPTIMAL", r.status(), () -> "statistics " + r.statistics());
        assertEquals(expected, r.objective(), 1e-9);
        Evaluation e = new ScheduleEvaluator().evaluate(season, r.games(), null);
        assertEquals(Map.of(), e.hardDeviations());
        assertEquals(expected == 0 ? Map.of() : Map.of(softId, expected), e.softPenalties());
        assertEquals(e.softPenalties(), r.violations());
    }

    private static Season four(SeasonConstraint... constraints) {
        return TinySeasons.compactDouble(4, List.of(constraints));
    }

    @Test
    void ca1CountsHomeGamesAboveMax() {
        // t0 hosts each of its 3 opponents once, all within slots 0..5: 3 home games, max 2 → 1 × 5.
        assertOptimalPenalty(four(soft("ca1", ConstraintType.CA1, 5, "{'teams':['t0'],'mode':'H','max':2,'slots':[0,1,2,3,4,5]}")),
                "ca1", 5);
    }

    @Test
    void ca2CountsGamesAgainstTheGroup() {
        // In slots 0..2 t0 plays 3 games but can meet t3 at most twice (once home, once away):
        // at least one game against {t1, t2}, max 0 → 1 × 3.
        assertOptimalPenalty(four(soft("ca2", ConstraintType.CA2, 3,
                "{'teams1':['t0'],'teams2':['t1','t2'],'mode1':'HA','mode2':'GLOBAL','max':0,'slots':[0,1,2]}")), "ca2", 3);
    }

    @Test
    void ca3CountsEveryWindow() {
        // Windows of 4 slots: 0-3, 1-4, 2-5. Every slot lies in 0-3 or 2-5, so 3 home games cannot keep
        // both at ≤ 1: some window holds 2 (deviation ≥ 1); homes in slots 0, 4, 5 reach 1 → 1 × 2.
        assertOptimalPenalty(four(soft("ca3", ConstraintType.CA3, 2,
                "{'teams1':['t0'],'teams2':['t1','t2','t3'],'mode1':'H','intp':4,'max':1,'mode2':'SLOTS'}")), "ca3", 2);
    }

    @Test
    void ca4GlobalCountsTheGroupOnce() {
        // t0 hosts t1 exactly once in a double round robin: GLOBAL count 1, max 0 → 1 × 4.
        assertOptimalPenalty(four(soft("ca4", ConstraintType.CA4, 4,
                "{'teams1':['t0'],'teams2':['t1'],'mode1':'H','mode2':'GLOBAL','max':0,'slots':[0,1,2,3,4,5]}")), "ca4", 4);
    }

    @Test
    void ca4EveryCountsEachSlot() {
        // Every home game of t0 or t1 counts in its slot; they have 6 home games, max 0 per slot → 6 × 4.
        assertOptimalPenalty(four(soft("ca4", ConstraintType.CA4, 4,
                "{'teams1':['t0','t1'],'teams2':['t0','t1','t2','t3'],'mode1':'H','mode2':'EVERY','max':0,'slots':[0,1,2,3,4,5]}")),
                "ca4", 24);
    }

    @Test
    void ga1CountsMeetingsAboveMax() {
        // Both meetings of t0 and t1 lie somewhere in slots 0..5: 2 games, max 1 → 1 × 7.
        assertOptimalPenalty(four(soft("ga1", ConstraintType.GA1, 7, "{'meetings':'t0,t1;t1,t0;','min':0,'max':1,'slots':[0,1,2,3,4,5]}")),
                "ga1", 7);
    }

    @Test
    void br1CountsBreaksOfTheTeam() {
        // Hard: t0 is not away in slots 0 and 1, so it is home twice in a row — a home break in slot 1.
        assertOptimalPenalty(four(hard("home01", ConstraintType.CA1, "{'teams':['t0'],'mode':'A','max':0,'slots':[0,1]}"),
                soft("br1", ConstraintType.BR1, 3, "{'teams':['t0'],'mode2':'HA','intp':0,'slots':[0,1]}")), "br1", 3);
    }

    @Test
    void br2CountsBreaksOfTheGroup() {
        // Hard: t0 home in slots 0-1, t1 home in slots 2-3. Each then has 1 home and 3 away games left for
        // 4 slots, and 3 away games cannot all be separated there: a second break each. t0 HHAHAA and
        // t1 HAHHAA reach it, so the group has 4 breaks, intp 0 → 4 × 2.
        assertOptimalPenalty(four(hard("t0home", ConstraintType.CA1, "{'teams':['t0'],'mode':'A','max':0,'slots':[0,1]}"),
                hard("t1home", ConstraintType.CA1, "{'teams':['t1'],'mode':'A','max':0,'slots':[2,3]}"),
                soft("br2", ConstraintType.BR2, 2, "{'teams':['t0','t1'],'intp':0,'homeMode':'HA','mode2':'LEQ','slots':[0,1,2,3,4,5]}")),
                "br2", 8);
    }

    @Test
    void fa2CountsTheLargestDifferencePerPair() {
        // Hard: t0 hosts t1 in slot 0, so after slot 0 their home counts are 1 and 0; intp 0 → 1 × 6.
        assertOptimalPenalty(four(hard("g", ConstraintType.GA1, "{'meetings':'t0,t1;','min':1,'max':1,'slots':[0]}"),
                soft("fa2", ConstraintType.FA2, 6, "{'teams':['t0','t1'],'mode':'H','intp':0,'slots':[0]}")), "fa2", 6);
    }

    @Test
    void se1CountsMissingSlotsBetweenMeetings() {
        // Hard: t0 hosts t1 in slot 0 and t1 hosts t0 in slot 2: one slot between, min 3 → (3 − 1) × 2.
        assertOptimalPenalty(four(hard("g1", ConstraintType.GA1, "{'meetings':'t0,t1;','min':1,'max':1,'slots':[0]}"),
                hard("g2", ConstraintType.GA1, "{'meetings':'t1,t0;','min':1,'max':1,'slots':[2]}"),
                soft("se1", ConstraintType.SE1, 2, "{'teams':['t0','t1'],'min':3,'mode1':'SLOTS'}")), "se1", 4);
    }

    @Test
    void venueUnavailableCountsHomeGames() {
        // Venue v0 (t0's) is closed in every slot; t0 must host 3 games → 3 × 1.
        assertOptimalPenalty(four(soft("venue", ConstraintType.VENUE_UNAVAILABLE, 1, "{'venue':'v0','slots':[0,1,2,3,4,5]}")),
                "venue", 3);
    }

    @Test
    void teamUnavailableMatchesWeekdays() {
        // Daily slots from Monday 2026-01-05; t0 cannot play on Mondays (slot 0) but a compact season
        // makes it play every slot → 1 × 10.
        Season dated = new Season("tiny", "tiny", "test", null, null, null, SeasonFormat.compactDouble(), ObjectiveWeights.DEFAULT,
                false, TinySeasons.teams(4), TinySeasons.venues(4), TinySeasons.slots(6, LocalDate.of(2026, 1, 5), 1),
                List.of(soft("sunday", ConstraintType.TEAM_UNAVAILABLE, 10, "{'team':'t0','weekdays':['MONDAY']}")), List.of(), List.of());
        assertOptimalPenalty(dated, "sunday", 10);
    }

    @Test
    void fixedGameCostsOneWhenMissed() {
        // Hard: t0 hosts t1 in slot 0 and no immediate rematch, so t1 cannot host t0 in slot 1 → 1 × 5.
        assertOptimalPenalty(four(hard("fixed", ConstraintType.FIXED_GAME, "{'home':'t0','away':'t1','slot':0}"),
                hard("norepeat", ConstraintType.SE1, "{'min':1}"),
                soft("wish", ConstraintType.FIXED_GAME, 5, "{'home':'t1','away':'t0','slot':1}")), "wish", 5);
    }

    @Test
    void sharedVenueCountsExtraHomeGames() {
        // Hard: t0 and t1 both at home in slot 0; they share an arena → 1 home game too many × 1.
        assertOptimalPenalty(four(hard("t0home", ConstraintType.CA1, "{'teams':['t0'],'mode':'A','max':0,'slots':[0]}"),
                hard("t1home", ConstraintType.CA1, "{'teams':['t1'],'mode':'A','max':0,'slots':[0]}"),
                soft("shared", ConstraintType.SHARED_VENUE, 1, "{'teams':['t0','t1'],'venue':'v0'}")), "shared", 1);
    }

    @Test
    void minRestDaysCountsClosePairs() {
        // Daily slots, compact: every team plays on 6 consecutive days. With 2 rest days the 5 pairs of
        // consecutive games of each of the 4 teams are too close (games 2 days apart are fine) → 20 × 1.
        Season dated = new Season("tiny", "tiny", "test", null, null, null, SeasonFormat.compactDouble(), ObjectiveWeights.DEFAULT,
                false, TinySeasons.teams(4), TinySeasons.venues(4), TinySeasons.slots(6, LocalDate.of(2026, 1, 5), 1),
                List.of(soft("rest", ConstraintType.MIN_REST_DAYS, 1, "{'days':2}")), List.of(), List.of());
        assertOptimalPenalty(dated, "rest", 20);
    }

    @Test
    void maxRoadTripCountsGamesBeyondMax() {
        // Hard: t0 away in slots 0, 1, 2 — a trip of 3 games, max 1 → 2 games too many × 3.
        assertOptimalPenalty(four(hard("away", ConstraintType.CA1, "{'teams':['t0'],'mode':'H','max':0,'slots':[0,1,2]}"),
                soft("trip", ConstraintType.MAX_ROAD_TRIP, 3, "{'teams':['t0'],'max':1}")), "trip", 6);
    }
}
