package io.flextime.validate.checks;

import io.flextime.core.model.SeasonIndex;
import static io.flextime.validate.findings.FindingCode.CONS_FIXED_GAME_NOT_REQUIRED;
import static io.flextime.validate.findings.FindingCode.CONS_FIXED_GAME_OUTSIDE_SEASON;
import static io.flextime.validate.findings.FindingCode.CONS_SHARED_VENUE_MISMATCH;
import static io.flextime.validate.findings.FindingCode.CONS_SHARED_VENUE_UNDECLARED;
import static io.flextime.validate.findings.FindingCode.CONS_SLOT_DATES_PARTIAL;
import static io.flextime.validate.findings.FindingCode.CONS_SOFT_ZERO_PENALTY;
import static io.flextime.validate.findings.FindingCode.CONS_TEAM_VENUE_TIME_ZONE;

import io.flextime.core.model.Matchup;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Team;
import io.flextime.core.rules.FixedGame;
import io.flextime.core.rules.SharedVenue;
import io.flextime.validate.findings.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Records against each other: fixed games in the season and the matchups, shared venues, time zones, dates. */
public final class CalendarCheck implements SeasonCheck {

    @Override
    public void check(SeasonIndex index, List<Finding> out) {
        Season s = index.season();
        Set<String> required = new HashSet<>();
        for (Matchup m : s.matchups()) {
            required.add(m.home() + ">" + m.away());
        }
        for (SeasonConstraint c : s.constraints()) {
            Integer row = index.constraintRow(c.id());
            if (!c.hard() && c.penalty() == 0 && c.type() != null) {
                out.add(CONS_SOFT_ZERO_PENALTY.at("constraint", c.id(), row, "penalty",
                        "Soft " + c.type() + " '" + c.id() + "' has penalty 0 and therefore no effect"));
            }
            if (c.rule() instanceof FixedGame r) {
                fixedGame(index, c.id(), r, row, required, out);
            }
        }
        sharedVenues(index, out);
        for (Team t : s.teams()) {
            index.venue(t.venueId()).ifPresent(v -> {
                if (t.timeZone() != null && v.timeZone() != null && !t.timeZone().equals(v.timeZone())) {
                    out.add(CONS_TEAM_VENUE_TIME_ZONE.at("team", t.id(), index.teamRow(t.id()), "timeZone", "Team '" + t.id()
                            + "' is in " + t.timeZone() + " but its venue '" + v.id() + "' is in " + v.timeZone()));
                }
            });
        }
        long dated = s.slots().stream().filter(x -> x.date() != null).count();
        if (dated > 0 && dated < s.slots().size()) {
            out.add(CONS_SLOT_DATES_PARTIAL.season(dated + " of " + s.slots().size() + " slots have dates"));
        }
    }

    private static void fixedGame(SeasonIndex index, String id, FixedGame r, Integer row, Set<String> required,
            List<Finding> out) {
        Season s = index.season();
        if (r.slot() == null) {
            LocalDate date = r.date();
            boolean outside = s.start() != null && date.isBefore(s.start()) || s.end() != null && date.isAfter(s.end());
            if (outside || index.slotOn(date).isEmpty()) {
                out.add(CONS_FIXED_GAME_OUTSIDE_SEASON.at("constraint", id, row, "date", "Fixed game '" + id
                        + "' is on " + date + (outside ? ", outside the season " + s.start() + " .. " + s.end()
                                : ", a date without a slot")));
            }
        }
        String pair = r.home() + ">" + r.away();
        if (!required.isEmpty() && !required.contains(pair)) {
            out.add(CONS_FIXED_GAME_NOT_REQUIRED.at("constraint", id, row, "home", "Fixed game '" + id + "' has "
                    + pair.replace(">", " hosting ") + ", which the matchups do not contain"));
        }
    }

    private static void sharedVenues(SeasonIndex index, List<Finding> out) {
        Map<String, List<String>> byVenue = new LinkedHashMap<>();
        index.teams.forEach(t -> {
            if (t.venueId() != null) {
                byVenue.computeIfAbsent(t.venueId(), k -> new ArrayList<>()).add(t.id());
            }
        });
        List<Set<String>> declared = new ArrayList<>();
        for (SeasonConstraint c : index.season().constraints()) {
            if (!(c.rule() instanceof SharedVenue r)) {
                continue;
            }
            declared.add(new HashSet<>(r.sharing(index.teams)));
            String venue = r.venue();
            for (String team : r.teams()) {
                Team t = index.teamById(team).orElse(null);
                if (t != null && venue != null && !venue.equals(t.venueId())) {
                    out.add(CONS_SHARED_VENUE_MISMATCH.at("constraint", c.id(), index.constraintRow(c.id()), "teams",
                            "SHARED_VENUE '" + c.id() + "' is for venue '" + venue + "' but team '" + team + "' plays at '"
                                    + t.venueId() + "'"));
                }
            }
        }
        byVenue.forEach((venue, teams) -> {
            if (teams.size() > 1 && declared.stream().noneMatch(d -> d.containsAll(teams))) {
                out.add(CONS_SHARED_VENUE_UNDECLARED.at("venue", venue, index.venueRow(venue), "teams", "Teams " + teams
                        + " share venue '" + venue + "' but no SHARED_VENUE constraint keeps their home games apart"));
            }
        });
    }
}
