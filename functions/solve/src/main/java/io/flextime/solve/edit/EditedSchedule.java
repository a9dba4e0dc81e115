package io.flextime.solve.edit;

import io.flextime.core.model.Game;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.problem.Problem;
import io.flextime.core.problem.ProblemException;
import io.flextime.core.problem.ProblemLocation;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.SlotCover;
import io.flextime.core.rules.TeamUnavailable;
import io.flextime.core.rules.VenueUnavailable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A version's games, pins and edit rules after a list of edits, applied in order. Every problem of the
 * request (an unknown game, slot, date, team or venue; a pinned game moved or swapped) is reported at once,
 * field by field, and nothing is applied.
 */
record EditedSchedule(List<Game> games, Set<Integer> pinned, List<SeasonConstraint> rules) {

    static EditedSchedule apply(Season season, List<Game> games, Set<Integer> pinned, List<SeasonConstraint> rules,
            List<DraftEdit> edits) {
        Map<Integer, Game> byNumber = new LinkedHashMap<>();
        games.forEach(g -> byNumber.put(g.number(), g));
        Set<Integer> pins = new HashSet<>(pinned);
        List<SeasonConstraint> allRules = new ArrayList<>(rules);
        List<ProblemLocation> errors = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            DraftEdit e = edits.get(i);
            String at = "edits[" + i + "]";
            if (e == null || e.type() == null || !DraftEdit.TYPES.contains(e.type())) {
                errors.add(DraftEditor.field(at + ".type", "expected one of " + DraftEdit.TYPES + ", got "
                        + (e == null ? null : e.type())));
                continue;
            }
            switch (e.type()) {
                case DraftEdit.MOVE, DraftEdit.SWAP -> {
                    Game g = e.game() == null ? null : byNumber.get(e.game());
                    if (g == null) {
                        errors.add(DraftEditor.field(at + ".game", "the version has no game " + e.game()));
                    } else if (pins.contains(g.number())) {
                        errors.add(DraftEditor.field(at + ".game", "game " + g.number() + " is pinned: unpin it first"));
                    } else if (DraftEdit.SWAP.equals(e.type())) {
                        String venue = season.team(g.awayTeam()).map(Team::venueId).orElse(null);
                        byNumber.put(g.number(), new Game(g.number(), g.slotIndex(), g.date(), g.awayTeam(), g.homeTeam(), venue));
                    } else {
                        Optional<Slot> to = slot(season, e, at, errors);
                        to.ifPresent(s -> byNumber.put(g.number(), new Game(g.number(), s.index(), s.date(), g.homeTeam(),
                                g.awayTeam(), g.venueId())));
                    }
                }
                case DraftEdit.PIN, DraftEdit.UNPIN -> {
                    if (e.games() == null || e.games().isEmpty()) {
                        errors.add(DraftEditor.field(at + ".games", "the game numbers to " + e.type()));
                        continue;
                    }
                    for (Integer n : e.games()) {
                        if (!byNumber.containsKey(n)) {
                            errors.add(DraftEditor.field(at + ".games", "the version has no game " + n));
                        } else if (DraftEdit.PIN.equals(e.type())) {
                            pins.add(n);
                        } else {
                            pins.remove(n);
                        }
                    }
                }
                default -> unavailable(season, e, at, allRules, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.unprocessable("invalid-edit", "The edit request is invalid", errors));
        }
        return new EditedSchedule(List.copyOf(byNumber.values()), pins, allRules);
    }

    private static Optional<Slot> slot(Season season, DraftEdit e, String at, List<ProblemLocation> errors) {
        if (e.slot() != null) {
            Optional<Slot> s = season.slots().stream().filter(x -> x.index() == e.slot()).findFirst();
            if (s.isEmpty()) {
                errors.add(DraftEditor.field(at + ".slot", "the season has no slot " + e.slot()));
            }
            return s;
        }
        LocalDate day = date(e.date(), at + ".date", errors);
        if (day == null) {
            return Optional.empty();
        }
        Optional<Slot> s = season.slots().stream().filter(x -> day.equals(x.date())).findFirst();
        if (s.isEmpty()) {
            errors.add(DraftEditor.field(at + ".date", "the season has no slot on " + day));
        }
        return s;
    }

    private static void unavailable(Season season, DraftEdit e, String at, List<SeasonConstraint> rules, List<ProblemLocation> errors) {
        boolean team = DraftEdit.TEAM_UNAVAILABLE.equals(e.type());
        String who = team ? e.team() : e.venue();
        if (who == null || (team ? season.team(who).isEmpty() : season.venue(who).isEmpty())) {
            errors.add(DraftEditor.field(at + (team ? ".team" : ".venue"), "unknown " + (team ? "team " : "venue ") + who));
            return;
        }
        List<LocalDate> days = new ArrayList<>();
        for (String d : e.dates() == null ? List.<String>of() : e.dates()) {
            LocalDate day = date(d, at + ".dates", errors);
            if (day != null) {
                days.add(day);
            }
        }
        if (days.isEmpty()) {
            errors.add(DraftEditor.field(at + ".dates", "the dates " + who + " is unavailable"));
            return;
        }
        SlotCover cover = new SlotCover(List.of(), days, List.of());
        String id = "edit-" + (team ? "team-" : "venue-") + who + "-unavailable-" + (rules.size() + 1);
        rules.add(team ? new SeasonConstraint(id, true, 0, new TeamUnavailable(who, cover, Mode.HA))
                : new SeasonConstraint(id, true, 0, new VenueUnavailable(who, cover)));
    }

    private static LocalDate date(String value, String field, List<ProblemLocation> errors) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException ex) {
            errors.add(DraftEditor.field(field, "expected an ISO date (2026-02-14), got '" + value + "'"));
            return null;
        }
    }
}
