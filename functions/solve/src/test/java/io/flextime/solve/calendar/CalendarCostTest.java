package io.flextime.solve.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.core.model.SeasonIndex;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The calendar search's running cost against the independent evaluator: on random relaxed seasons with
 * every rule type the search scores (random teams, slots, modes, bounds; hard and soft) and random
 * schedules reached by its own moves, each kept or undone at random, the running travel, hard deviations
 * and soft penalties equal a fresh state's and the evaluator's.
 */
class CalendarCostTest {
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    @Test
    void givenMatchupsAgreeWithTheEvaluatorAfterRandomMoves() {
        for (long seed = 1; seed <= 12; seed++) {
            checkSeason(randomSeason(seed, false), seed);
        }
    }

    @Test
    void chosenPairingsAgreeWithTheEvaluatorAfterRandomMoves() {
        for (long seed = 21; seed <= 30; seed++) {
            checkSeason(randomSeason(seed, true), seed);
        }
    }

    private void checkSeason(Season season, long seed) {
        SeasonIndex ix = new SeasonIndex(season);
        assertTrue(CalendarProblem.unsupported(ix).isEmpty(), () -> "applies: " + CalendarProblem.unsupported(ix));
        CalendarProblem p = CalendarProblem.of(ix, season.weights()).orElseThrow();
        CalendarState st = new CalendarState(p);
        SplittableRandom random = new SplittableRandom(seed);
        CalendarMoves moves = new CalendarMoves(st, random);
        // every game placed somewhere its teams are free, so the evaluator sees a whole schedule
        st.begin();
        for (int g = 0; g < p.games(); g++) {
            for (int s = 0; s < p.slotCount && st.slotOf[g] < 0; s++) {
                if (st.gameAt[st.home[g]][s] < 0 && st.gameAt[st.away[g]][s] < 0) {
                    st.place(g, s);
                }
            }
        }
        st.evaluate(1);
        st.commit();
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            st.begin();
            boolean made = switch (random.nextInt(5)) {
                case 0 -> moves.relocate(random.nextInt(p.games()), random.nextInt(p.slotCount));
                case 1 -> moves.kempe(random.nextInt(p.games()), random.nextInt(p.slotCount));
                case 2 -> moves.swapSlots(random.nextInt(p.slotCount), random.nextInt(p.slotCount));
                case 3 -> moves.flip(random.nextInt(p.games()));
                default -> {
                    int g = random.nextInt(p.games());
                    int e = moves.otherGameInSlot(g);
                    yield e >= 0 && moves.swapOpponents(g, e);
                }
            };
            if (!made) {
                st.rollback();
                continue;
            }
            if (random.nextInt(4) == 0 && st.unplacedGames() > 0) {
                moves.insertByKempe(moves.pickGame(1.0));
            }
            st.evaluate(1);
            if (random.nextBoolean()) {
                st.commit();
            } else {
                st.rollback();
            }
            if (i % 50 == 0) {
                compare(season, p, st, seed);
                checked++;
            }
        }
        assertTrue(checked > 10);
    }

    private void compare(Season season, CalendarProblem p, CalendarState st, long seed) {
        CalendarState fresh = new CalendarState(p.forAnotherThread());
        fresh.restore(st.snapshot());
        assertEquals(fresh.travelKm(), st.travelKm(), 1e-9, "running travel, seed " + seed);
        assertEquals(fresh.hard(), st.hard(), "running hard deviations, seed " + seed);
        assertEquals(fresh.soft(), st.soft(), "running soft penalties, seed " + seed);
        if (st.unplacedGames() > 0) {
            return;
        }
        List<Assignment> games = st.assignments();
        Evaluation eval = evaluator.evaluate(season, games, season.weights());
        int hard = eval.hardDeviations().values().stream().mapToInt(Integer::intValue).sum();
        double soft = eval.softPenalties().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(eval.totalKm(), st.travelKm(), 1e-6, "travel, seed " + seed);
        assertEquals(soft, st.soft(), 1e-6, () -> "soft penalties, seed " + seed + ": " + eval.softPenalties());
        // the format's rules (PARTIAL pairings, the format's rest days) are counted by the search and named,
        // not counted, by the evaluator: none broken exactly when the evaluator names none
        int format = st.hard() - hard;
        assertTrue(format >= 0, () -> "hard deviations, seed " + seed + ": " + eval.hardDeviations());
        assertEquals(format == 0, eval.structureErrors().isEmpty(), () -> "format, seed " + seed + ": " + eval.structureErrors());
        assertEquals(eval.objective(), st.objective(), 1e-6 * Math.max(1, eval.objective()), "objective, seed " + seed);
    }

    /** A random relaxed season of 6–8 teams on 14–20 dates 1–3 days apart, with every rule type the search scores. */
    static Season randomSeason(long seed, boolean choosePairs) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 6 + r.nextInt(3);
        if (choosePairs && n % 2 == 1) {
            n++;
        }
        int slotCount = 14 + r.nextInt(7);
        List<Team> teams = new ArrayList<>();
        List<Venue> venues = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            // two teams share an arena, so SHARED_VENUE and VENUE_UNAVAILABLE reach more than one team
            String venue = t == 1 ? "v0" : "v" + t;
            teams.add(new Team("t" + t, "Team " + t, venue, null, Map.of()));
            if (t != 1) {
                venues.add(new Venue(venue, venue, null, 30 + r.nextDouble() * 15, -120 + r.nextDouble() * 45, null, null));
            }
        }
        List<Slot> slots = new ArrayList<>();
        LocalDate d = LocalDate.of(2026, 1, 2);
        for (int s = 0; s < slotCount; s++) {
            slots.add(new Slot(s, d, null, null, "S" + s));
            d = d.plusDays(1 + r.nextInt(3));
        }
        List<SeasonConstraint> rules = new ArrayList<>();
        ConstraintType[] types = {ConstraintType.CA1, ConstraintType.CA2, ConstraintType.CA3, ConstraintType.CA4, ConstraintType.GA1,
                ConstraintType.BR1, ConstraintType.SE1, ConstraintType.VENUE_UNAVAILABLE, ConstraintType.TEAM_UNAVAILABLE,
                ConstraintType.FIXED_GAME, ConstraintType.SHARED_VENUE, ConstraintType.MIN_REST_DAYS, ConstraintType.MAX_ROAD_TRIP,
                ConstraintType.WEEKDAY_PATTERN, ConstraintType.GAME_WINDOW, ConstraintType.CONSECUTIVE_GAMES,
                ConstraintType.GAMES_SPREAD};
        int k = 0;
        for (ConstraintType type : types) {
            for (int copy = 0; copy < 2; copy++) {
                boolean hard = r.nextInt(3) == 0;
                rules.add(new SeasonConstraint("c" + (k++), type, hard, hard ? 1 : 1 + r.nextInt(9), params(type, r, n, slotCount, slots)));
            }
        }
        List<Matchup> matchups = new ArrayList<>();
        SeasonFormat format;
        if (choosePairs) {
            format = new SeasonFormat(SeasonFormat.RoundRobin.PARTIAL, false, false, false, n, 2, 2, SeasonFormat.TravelMode.VENUE_TO_VENUE);
        } else {
            for (int h = 0; h < n; h++) {
                for (int a = 0; a < n; a++) {
                    if (h != a && r.nextInt(3) > 0) {
                        matchups.add(new Matchup("t" + h, "t" + a, 1));
                    }
                }
            }
            format = new SeasonFormat(null, false, false, false, null, null, r.nextBoolean() ? 2 : null,
                    r.nextBoolean() ? SeasonFormat.TravelMode.VENUE_TO_VENUE : SeasonFormat.TravelMode.RETURN_HOME);
        }
        return new Season("random-" + seed, "random", "test", null, null, null, format, new ObjectiveWeights(1.0, 100.0), false,
                teams, venues, slots, rules, matchups, List.of());
    }

    private static ObjectNode params(ConstraintType type, SplittableRandom r, int n, int slotCount, List<Slot> slots) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        String[] modes = {"H", "A", "HA"};
        switch (type) {
            case CA1 -> {
                p.set("teams", teams(r, n));
                p.set("slots", slotIndexes(r, slotCount));
                p.put("mode", modes[r.nextInt(3)]);
                p.put("min", r.nextInt(2));
                p.put("max", 1 + r.nextInt(3));
            }
            case CA2 -> {
                p.set("teams1", teams(r, n));
                p.set("teams2", teams(r, n));
                p.set("slots", slotIndexes(r, slotCount));
                p.put("mode1", modes[r.nextInt(3)]);
                p.put("max", r.nextInt(3));
            }
            case CA3 -> {
                p.set("teams1", teams(r, n));
                p.set("teams2", teams(r, n));
                p.put("intp", 2 + r.nextInt(3));
                p.put("mode1", modes[r.nextInt(3)]);
                p.put("max", 1 + r.nextInt(2));
            }
            case CA4 -> {
                p.set("teams1", teams(r, n));
                p.set("teams2", teams(r, n));
                p.set("slots", slotIndexes(r, slotCount));
                p.put("mode1", modes[r.nextInt(3)]);
                p.put("mode2", r.nextBoolean() ? "EVERY" : "GLOBAL");
                p.put("min", r.nextInt(2));
                p.put("max", 1 + r.nextInt(4));
            }
            case GA1 -> {
                ArrayNode meetings = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < 3; i++) {
                    int h = r.nextInt(n);
                    int a = (h + 1 + r.nextInt(n - 1)) % n;
                    meetings.add(JsonNodeFactory.instance.arrayNode().add("t" + h).add("t" + a));
                }
                p.set("meetings", meetings);
                p.set("slots", slotIndexes(r, slotCount));
                p.put("min", r.nextInt(2));
                p.put("max", 1 + r.nextInt(2));
            }
            case BR1 -> {
                p.set("teams", teams(r, n));
                p.set("slots", slotIndexes(r, slotCount));
                p.put("mode2", modes[r.nextInt(3)]);
                p.put("intp", r.nextInt(2));
            }
            case SE1 -> {
                p.set("teams", teams(r, n));
                p.put("min", 1 + r.nextInt(4));
            }
            case VENUE_UNAVAILABLE -> {
                p.put("venue", r.nextBoolean() ? "v0" : "v" + (2 + r.nextInt(n - 2)));
                p.set("slots", slotIndexes(r, slotCount));
            }
            case TEAM_UNAVAILABLE -> {
                p.put("team", "t" + r.nextInt(n));
                if (r.nextBoolean()) {
                    p.set("weekdays", JsonNodeFactory.instance.arrayNode().add(DayOfWeek.of(1 + r.nextInt(7)).name()));
                } else {
                    p.set("dates", JsonNodeFactory.instance.arrayNode().add(slots.get(r.nextInt(slotCount)).date().toString()));
                }
                p.put("mode", modes[r.nextInt(3)]);
            }
            case FIXED_GAME -> {
                int h = r.nextInt(n);
                p.put("home", "t" + h);
                p.put("away", "t" + ((h + 1 + r.nextInt(n - 1)) % n));
                p.put("slot", r.nextInt(slotCount));
            }
            case SHARED_VENUE -> p.put("venue", "v0");
            case MIN_REST_DAYS -> {
                p.put("days", 2 + r.nextInt(3));
                p.set("teams", teams(r, n));
            }
            case MAX_ROAD_TRIP -> {
                p.put("max", 1 + r.nextInt(3));
                p.set("teams", teams(r, n));
            }
            case WEEKDAY_PATTERN -> {
                // the weekdays of 2–3 dates in a row of the season, so runs occur
                int m = 2 + r.nextInt(2);
                int start = r.nextInt(slotCount - m);
                ArrayNode days = JsonNodeFactory.instance.arrayNode();
                for (int k = 0; k < m; k++) {
                    days.add(slots.get(start + k).date().getDayOfWeek().name());
                }
                p.set("teams", teams(r, n));
                p.set("weekdays", days);
                p.put("withinDays", 3 + r.nextInt(6));
            }
            case GAME_WINDOW -> {
                p.set("teams", teams(r, n));
                p.put("position", r.nextBoolean() ? "FIRST" : "LAST");
                p.put("games", 1 + r.nextInt(5));
                p.put("mode", modes[r.nextInt(3)]);
                p.put("min", r.nextInt(3));
                p.put("max", 2 + r.nextInt(2));
            }
            case CONSECUTIVE_GAMES -> {
                p.set("teams", teams(r, n));
                p.put("games", 2 + r.nextInt(4));
                p.put("mode", modes[r.nextInt(3)]);
                p.put("min", r.nextInt(2));
                p.put("max", 1 + r.nextInt(3));
            }
            case GAMES_SPREAD -> {
                p.set("teams", teams(r, n));
                if (r.nextBoolean()) {
                    p.set("weekdays", JsonNodeFactory.instance.arrayNode().add("SATURDAY").add("SUNDAY"));
                } else {
                    p.set("slots", slotIndexes(r, slotCount));
                }
                p.put("mode", modes[r.nextInt(3)]);
                p.put("spread", r.nextInt(3));
            }
            default -> throw new IllegalArgumentException(type.name());
        }
        return p;
    }

    private static ArrayNode teams(SplittableRandom r, int n) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int t = 0; t < n; t++) {
            if (r.nextInt(3) > 0) {
                a.add("t" + t);
            }
        }
        if (a.isEmpty()) {
            a.add("t0");
        }
        return a;
    }

    private static ArrayNode slotIndexes(SplittableRandom r, int slotCount) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int s = 0; s < slotCount; s++) {
            if (r.nextInt(3) == 0) {
                a.add(s);
            }
        }
        if (a.isEmpty()) {
            a.add(0);
        }
        return a;
    }
}
