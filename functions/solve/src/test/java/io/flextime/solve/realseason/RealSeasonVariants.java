package io.flextime.solve.realseason;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Seasons derived from a real schedule, each with only hard rules the real schedule itself keeps, read
 * from its own statistics (never from per-conference constants), so the real schedule is feasible in
 * every variant that keeps its matchups and the solver's travel can be compared with the real one:
 * <ul>
 *   <li>{@link Variant#FIXED}: every real game fixed to its date — the solver must return exactly the real travel;</li>
 *   <li>{@link Variant#SAME_DAYS}: the real matchups, each team plays exactly on its real dates;</li>
 *   <li>{@link Variant#WINDOW}: the real matchups on the real game dates, at most the real number of games per
 *       date, the real minimum rest, longest road trip, rematch separation and first/last-four balance;</li>
 *   <li>{@link Variant#FREE}: the window's calendar and rules, the solver choosing who meets whom twice and who
 *       hosts (the real format: games per team, opponents met twice).</li>
 * </ul>
 */
public final class RealSeasonVariants {
    /** The first and last this many games of each team keep the real schedule's fewest home and away games. */
    static final int BALANCE_GAMES = 4;

    public enum Variant {
        FIXED, SAME_DAYS, WINDOW, FREE;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Variant parse(String key) {
            return valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private RealSeasonVariants() {
    }

    /** The variant's season, or empty with the reason when the real schedule cannot be expressed that way. */
    public static Derived derive(RealSchedule real, Variant variant) {
        List<LocalDate> dates = real.dates();
        Map<LocalDate, Integer> slotOf = new HashMap<>();
        List<Slot> slots = new ArrayList<>();
        for (int s = 0; s < dates.size(); s++) {
            slotOf.put(dates.get(s), s);
            slots.add(new Slot(s, dates.get(s), null, null, dates.get(s).getDayOfWeek().toString().substring(0, 3) + " " + dates.get(s)));
        }
        List<Team> teams = new ArrayList<>();
        List<Venue> venues = new ArrayList<>();
        for (RealSchedule.RealTeam t : real.teams()) {
            teams.add(new Team(t.id(), t.name(), t.id(), null, Map.of()));
            venues.add(new Venue(t.id(), t.name() + " home", null, t.lat(), t.lon(), null, null));
        }
        List<SeasonConstraint> rules = new ArrayList<>();
        List<Matchup> matchups = matchups(real);
        // With matchups listed they are the whole pairing rule; the round-robin kind is then not read.
        SeasonFormat format = new SeasonFormat(null, false, false, false, null, null, null, SeasonFormat.TravelMode.VENUE_TO_VENUE);
        switch (variant) {
            case FIXED -> real.games().forEach(g -> rules.add(rule("fixed-" + g.home() + "-" + g.away() + "-" + g.date(),
                    ConstraintType.FIXED_GAME, obj().put("home", g.home()).put("away", g.away()).put("slot", slotOf.get(g.date())))));
            case SAME_DAYS -> {
                sameDays(real, slotOf, rules);
                sequenceRules(real, rules);
            }
            case WINDOW -> {
                perDateCaps(real, slotOf, rules);
                sequenceRules(real, rules);
            }
            case FREE -> {
                Optional<SeasonFormat> free = freeFormat(real);
                if (free.isEmpty()) {
                    return new Derived(null, "teams play " + gameCounts(real) + " games: the format needs one games-per-team");
                }
                format = free.get();
                matchups = List.of();
                perDateCaps(real, slotOf, rules);
                sequenceRules(real, rules);
            }
        }
        Season season = new Season(real.name() + "-" + variant.key(), real.name() + " (" + variant.key() + ")", "basketball",
                dates.get(0), dates.get(dates.size() - 1), null, format, new ObjectiveWeights(1.0, 1000.0), false, teams, venues,
                slots, rules, matchups, List.of());
        return new Derived(season, null);
    }

    /** A derived season, or why there is none. */
    public record Derived(Season season, String skippedBecause) {
    }

    static List<Matchup> matchups(RealSchedule real) {
        Map<String, Integer> count = new LinkedHashMap<>();
        real.games().forEach(g -> count.merge(g.home() + "\u0000" + g.away(), 1, Integer::sum));
        List<Matchup> out = new ArrayList<>();
        count.forEach((k, v) -> {
            String[] p = k.split("\u0000");
            out.add(new Matchup(p[0], p[1], v));
        });
        return out;
    }

    /** Each team is unavailable on every date it did not play. */
    private static void sameDays(RealSchedule real, Map<LocalDate, Integer> slotOf, List<SeasonConstraint> rules) {
        for (Map.Entry<String, List<RealSchedule.RealGame>> e : real.gamesByTeam().entrySet()) {
            Set<Integer> played = new HashSet<>();
            e.getValue().forEach(g -> played.add(slotOf.get(g.date())));
            ArrayNode off = JsonNodeFactory.instance.arrayNode();
            for (int s = 0; s < slotOf.size(); s++) {
                if (!played.contains(s)) {
                    off.add(s);
                }
            }
            if (!off.isEmpty()) {
                ObjectNode p = obj().put("team", e.getKey());
                p.set("slots", off);
                rules.add(rule("real-dates-" + e.getKey(), ConstraintType.TEAM_UNAVAILABLE, p));
            }
        }
    }

    /** At most the real number of games on each date: one CA4 (all teams, every slot) per distinct count. */
    private static void perDateCaps(RealSchedule real, Map<LocalDate, Integer> slotOf, List<SeasonConstraint> rules) {
        Map<Integer, List<Integer>> slotsByCap = new TreeMap<>();
        real.gamesPerDate().forEach((d, n) -> slotsByCap.computeIfAbsent(n, k -> new ArrayList<>()).add(slotOf.get(d)));
        ArrayNode all = ids(real.teams().stream().map(RealSchedule.RealTeam::id).toList());
        slotsByCap.forEach((cap, slots) -> {
            ObjectNode p = obj().put("mode1", "H").put("mode2", "EVERY").put("max", cap);
            p.set("teams1", all.deepCopy());
            p.set("teams2", all.deepCopy());
            p.set("slots", ids(slots.stream().map(String::valueOf).toList()));
            rules.add(rule("at-most-" + cap + "-games-per-date", ConstraintType.CA4, p));
        });
    }

    /** Rest days, road trips and rematch separation as the real schedule keeps them. */
    private static void sequenceRules(RealSchedule real, List<SeasonConstraint> rules) {
        rules.add(rule("min-rest-days", ConstraintType.MIN_REST_DAYS, obj().put("days", real.minRestDays())));
        rules.add(rule("max-road-trip", ConstraintType.MAX_ROAD_TRIP, obj().put("max", real.longestRoadTrip())));
        int separation = real.rematchSeparationSlots();
        if (separation > 0) {
            ObjectNode p = obj().put("min", separation);
            p.set("teams", ids(real.teams().stream().map(RealSchedule.RealTeam::id).toList()));
            rules.add(rule("rematch-separation", ConstraintType.SE1, p));
        }
        balanceRules(real, rules);
    }

    /** Games counted at each end of a team's season: the rule book's "first four and last four" windows. */
    static final int END_GAMES = 4;

    /**
     * First and last {@link #END_GAMES} games of each team: at least as many home (and away) games as the
     * team with the fewest has in the real schedule — a floor every team of the real schedule keeps.
     */
    private static void balanceRules(RealSchedule real, List<SeasonConstraint> rules) {
        for (String position : List.of("FIRST", "LAST")) {
            for (String mode : List.of("H", "A")) {
                int fewest = Integer.MAX_VALUE;
                for (Map.Entry<String, List<RealSchedule.RealGame>> e : real.gamesByTeam().entrySet()) {
                    List<RealSchedule.RealGame> games = e.getValue();
                    if (games.size() < END_GAMES) {
                        return;
                    }
                    List<RealSchedule.RealGame> end = position.equals("FIRST") ? games.subList(0, END_GAMES)
                            : games.subList(games.size() - END_GAMES, games.size());
                    boolean home = mode.equals("H");
                    int count = (int) end.stream().filter(g -> g.home().equals(e.getKey()) == home).count();
                    fewest = Math.min(fewest, count);
                }
                if (fewest > 0) {
                    ObjectNode p = obj().put("position", position).put("games", END_GAMES).put("mode", mode).put("min", fewest);
                    rules.add(rule(position.toLowerCase(Locale.ROOT) + "-" + END_GAMES + "-" + mode + "-at-least-" + fewest,
                            ConstraintType.GAME_WINDOW, p));
                }
            }
        }
    }

    /**
     * The real format when every team plays the same number of games: DOUBLE when that is twice every
     * opponent, SINGLE when once, else PARTIAL with the real number of opponents met twice.
     */
    static Optional<SeasonFormat> freeFormat(RealSchedule real) {
        Set<Integer> counts = gameCounts(real);
        if (counts.size() != 1) {
            return Optional.empty();
        }
        int games = counts.iterator().next();
        int n = real.teams().size();
        int twice = games - (n - 1);
        SeasonFormat.RoundRobin kind = games == 2 * (n - 1) ? SeasonFormat.RoundRobin.DOUBLE
                : games == n - 1 ? SeasonFormat.RoundRobin.SINGLE : SeasonFormat.RoundRobin.PARTIAL;
        boolean partial = kind == SeasonFormat.RoundRobin.PARTIAL;
        if (partial && (twice < 0 || twice > n - 1)) {
            return Optional.empty();
        }
        return Optional.of(new SeasonFormat(kind, false, false, false, partial ? games : null, partial ? twice : null, null,
                SeasonFormat.TravelMode.VENUE_TO_VENUE));
    }

    static Set<Integer> gameCounts(RealSchedule real) {
        Set<Integer> out = new java.util.TreeSet<>();
        real.gamesByTeam().values().forEach(l -> out.add(l.size()));
        return out;
    }

    private static SeasonConstraint rule(String id, ConstraintType type, ObjectNode params) {
        return new SeasonConstraint(id, type, true, 0, params);
    }

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static ArrayNode ids(Collection<String> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
