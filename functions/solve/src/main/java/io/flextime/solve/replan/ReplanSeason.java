package io.flextime.solve.replan;

import io.flextime.core.model.Game;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.rules.FixedGame;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.SlotCover;
import io.flextime.core.rules.TeamUnavailable;
import io.flextime.core.rules.VenueUnavailable;
import io.flextime.rules.evaluator.Assignment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A re-plan as a season of its own, which the solver (the calendar search on dated conference seasons)
 * solves like any other:
 * <ul>
 * <li>the matchups are the base version's games (a re-plan moves games, it does not change who meets whom);</li>
 * <li>games before {@code frozenBefore} (played) and pinned games are hard FIXED_GAMEs: they never move;</li>
 * <li>every other base game is a soft FIXED_GAME on its base slot with penalty {@code changeWeight}: each
 * game not where the base had it costs that much, so the objective is weighted moves + travel + the season's
 * penalties, and a solution's FIXED_GAME deviations are exactly its moves against the base;</li>
 * <li>postponed games are free, but not on their old date (both teams are unavailable on it);</li>
 * <li>nothing new is placed before {@code frozenBefore}: each team is unavailable on the past slots where it
 * has no frozen game;</li>
 * <li>unavailable teams and venues are hard TEAM_UNAVAILABLE and VENUE_UNAVAILABLE rules on their dates.</li>
 * </ul>
 * The search starts from the base games (less the postponed ones), so it begins with zero moves.
 */
public final class ReplanSeason {
    private ReplanSeason() {
    }

    /**
     * The derived season, the search's start, the base games, which were postponed, frozen or pinned, and
     * which games must leave their slot ({@code displaced}: postponed, or on a date now closed to a team or
     * venue of theirs).
     */
    public record Derived(Season season, List<Assignment> start, List<Game> base, Set<Integer> postponed, Set<Integer> frozen,
            Set<Integer> pinned, Set<Integer> displaced) {

        /**
         * The derived season with every base game outside {@code free} (and not postponed) held on its slot as
         * a hard FIXED_GAME: a neighbourhood of the re-plan (ReplanSearch).
         */
        public Season holding(Set<Integer> free) {
            List<SeasonConstraint> rules = new ArrayList<>();
            for (SeasonConstraint c : season.constraints()) {
                int number = keptGame(c.id());
                rules.add(number > 0 && !free.contains(number)
                        ? new SeasonConstraint(c.id(), true, 0, c.rule()) : c);
            }
            return new Season(season.season(), season.name(), season.sport(), season.start(), season.end(), season.timeZone(),
                    season.format(), season.weights(), false, season.teams(), season.venues(), season.slots(), rules,
                    season.matchups(), season.distances());
        }
    }

    private static final String KEEP = "replan-keep-";

    /** The base game a soft "keep" FIXED_GAME holds, or 0. */
    static int keptGame(String constraintId) {
        return constraintId.startsWith(KEEP) ? Integer.parseInt(constraintId.substring(KEEP.length())) : 0;
    }

    /**
     * @throws IllegalArgumentException when the re-plan names a game, team, venue or date the base does not have
     */
    public static Derived derive(Season season, List<Game> base, Set<Integer> pinned, Replan r) {
        LocalDate frozenBefore = date(r.frozenBefore(), "frozenBefore");
        Map<Integer, Game> byNumber = new LinkedHashMap<>();
        base.forEach(g -> byNumber.put(g.number(), g));
        Map<Integer, LocalDate> slotDates = new LinkedHashMap<>();
        for (Slot s : season.slots()) {
            if (s.date() == null) {
                throw new IllegalArgumentException("a re-plan needs a dated season; slot " + s.index() + " has no date");
            }
            slotDates.put(s.index(), s.date());
        }
        Set<Integer> postponed = new TreeSet<>();
        List<SeasonConstraint> added = new ArrayList<>();
        int n = 0;
        for (Replan.Change c : r.changes()) {
            n++;
            switch (c.type() == null ? "" : c.type()) {
                case Replan.POSTPONE -> {
                    Game g = c.game() == null ? null : byNumber.get(c.game());
                    if (g == null) {
                        throw new IllegalArgumentException("change " + n + ": the base version has no game " + c.game());
                    }
                    postponed.add(g.number());
                }
                case Replan.TEAM_UNAVAILABLE -> {
                    if (c.team() == null || season.team(c.team()).isEmpty()) {
                        throw new IllegalArgumentException("change " + n + ": unknown team " + c.team());
                    }
                    added.add(new SeasonConstraint("replan-" + n + "-team-unavailable", true, 0,
                            new TeamUnavailable(c.team(), new SlotCover(List.of(), dates(c, n, frozenBefore), List.of()), Mode.HA)));
                }
                case Replan.VENUE_UNAVAILABLE -> {
                    if (c.venue() == null || season.venue(c.venue()).isEmpty()) {
                        throw new IllegalArgumentException("change " + n + ": unknown venue " + c.venue());
                    }
                    added.add(new SeasonConstraint("replan-" + n + "-venue-unavailable", true, 0,
                            new VenueUnavailable(c.venue(), new SlotCover(List.of(), dates(c, n, frozenBefore), List.of()))));
                }
                default -> throw new IllegalArgumentException("change " + n + ": unknown type '" + c.type() + "' (expected "
                        + Replan.POSTPONE + ", " + Replan.TEAM_UNAVAILABLE + " or " + Replan.VENUE_UNAVAILABLE + ")");
            }
        }
        Set<Integer> frozen = new TreeSet<>();
        Set<Integer> kept = new TreeSet<>();
        Map<String, Set<Integer>> playedSlots = new LinkedHashMap<>();
        List<Assignment> start = new ArrayList<>();
        Map<String, Integer> meetings = new LinkedHashMap<>();
        for (Game g : base) {
            meetings.merge(g.homeTeam() + '\u0000' + g.awayTeam(), 1, Integer::sum);
            if (postponed.contains(g.number())) {
                for (String team : List.of(g.homeTeam(), g.awayTeam())) {
                    if (!past(slotDates.get(g.slotIndex()), frozenBefore)) {
                        added.add(new SeasonConstraint("replan-postponed-" + g.number() + "-" + team, true, 0,
                                new TeamUnavailable(team, new SlotCover(List.of(g.slotIndex()), List.of(), List.of()), Mode.HA)));
                    }
                }
                continue;
            }
            start.add(new Assignment(g.slotIndex(), g.homeTeam(), g.awayTeam()));
            boolean isFrozen = past(slotDates.get(g.slotIndex()), frozenBefore);
            boolean isPinned = pinned.contains(g.number());
            if (isFrozen) {
                frozen.add(g.number());
                playedSlots.computeIfAbsent(g.homeTeam(), t -> new TreeSet<>()).add(g.slotIndex());
                playedSlots.computeIfAbsent(g.awayTeam(), t -> new TreeSet<>()).add(g.slotIndex());
            } else if (isPinned) {
                kept.add(g.number());
            }
            boolean hard = isFrozen || isPinned;
            added.add(new SeasonConstraint(isFrozen ? "replan-frozen-" + g.number() : isPinned ? "replan-pinned-" + g.number()
                    : KEEP + g.number(),
                    hard, hard ? 0 : r.changeWeight(), new FixedGame(g.homeTeam(), g.awayTeam(), g.slotIndex(), null)));
        }
        List<Integer> pastSlots = slotDates.entrySet().stream().filter(e -> past(e.getValue(), frozenBefore)).map(Map.Entry::getKey)
                .toList();
        if (!pastSlots.isEmpty()) {
            season.teams().forEach(t -> {
                Set<Integer> played = playedSlots.getOrDefault(t.id(), Set.of());
                List<Integer> closed = pastSlots.stream().filter(s -> !played.contains(s)).toList();
                if (!closed.isEmpty()) {
                    added.add(new SeasonConstraint("replan-past-" + t.id(), true, 0,
                            new TeamUnavailable(t.id(), new SlotCover(closed, List.of(), List.of()), Mode.HA)));
                }
            });
        }
        List<Matchup> matchups = meetings.entrySet().stream().map(e -> {
            String[] pair = e.getKey().split("\u0000");
            return new Matchup(pair[0], pair[1], e.getValue());
        }).toList();
        List<SeasonConstraint> constraints = new ArrayList<>(season.constraints());
        constraints.addAll(added);
        Season derived = new Season(season.season(), season.name(), season.sport(), season.start(), season.end(), season.timeZone(),
                season.format(), season.weights(), false, season.teams(), season.venues(), season.slots(), constraints, matchups,
                season.distances());
        Set<Integer> displaced = new TreeSet<>(postponed);
        for (Game g : base) {
            if (!frozen.contains(g.number()) && !kept.contains(g.number()) && closed(derived, added, g)) {
                displaced.add(g.number());
            }
        }
        return new Derived(derived, start, List.copyOf(base), postponed, frozen, kept, displaced);
    }

    /** True when a rule the re-plan added closes the game's slot to its teams or its host's venue. */
    private static boolean closed(Season season, List<SeasonConstraint> added, Game g) {
        Slot slot = season.slots().stream().filter(s -> s.index() == g.slotIndex()).findFirst().orElseThrow();
        String hostVenue = season.team(g.homeTeam()).map(io.flextime.core.model.Team::venueId).orElse(null);
        for (SeasonConstraint c : added) {
            if (c.rule() instanceof TeamUnavailable t && (t.team().equals(g.homeTeam()) || t.team().equals(g.awayTeam()))
                    && t.cover().covers(slot)) {
                return true;
            }
            if (c.rule() instanceof VenueUnavailable v && v.venue().equals(hostVenue) && v.cover().covers(slot)) {
                return true;
            }
        }
        return false;
    }

    private static boolean past(LocalDate date, LocalDate frozenBefore) {
        return date != null && date.isBefore(frozenBefore);
    }

    private static List<LocalDate> dates(Replan.Change c, int n, LocalDate frozenBefore) {
        if (c.dates() == null || c.dates().isEmpty()) {
            throw new IllegalArgumentException("change " + n + ": " + c.type() + " needs dates");
        }
        List<LocalDate> out = new ArrayList<>();
        for (String d : c.dates()) {
            LocalDate date = date(d, "change " + n + " dates");
            if (date.isBefore(frozenBefore)) {
                throw new IllegalArgumentException("change " + n + ": " + d + " is before frozenBefore " + frozenBefore
                        + " (what was played stays)");
            }
            out.add(date);
        }
        return out;
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": expected an ISO date (2026-02-14), got '" + value + "'");
        }
    }
}
