package io.flextime.ingest.dataset;

import io.flextime.core.model.Distance;
import io.flextime.events.Ids;
import io.flextime.ingest.config.IngestLimits;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.core.rules.Malformed;
import io.flextime.core.rules.ParamProblem;
import io.flextime.core.rules.RuleCatalogue;
import io.flextime.core.rules.RuleDefinition;
import io.flextime.ingest.format.Locator;
import io.flextime.core.format.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks every format shares before anything is stored: ids are unique, every reference points at
 * something that exists (team → venue, constraint params → teams, slots, venues), and each constraint's
 * params are what the rule catalogue declares for its type (present when required, of the right type,
 * in range). Whether the season is schedulable is validate's job, not ingest's.
 */
public final class SeasonChecks {
    private SeasonChecks() {
    }

    /** All the checks; {@code maxTeams} and {@code maxSlots} are the caps (flextime.ingest.max-teams, max-slots). */
    public static void check(Season s, Locator at, int maxTeams, int maxSlots) {
        Problems p = new Problems();
        if (s.teams().size() > maxTeams) {
            // Reported alone: the other checks of a season this size would only be noise (and time).
            p.add(at.at(IngestLimits.TOO_MANY_TEAMS, "teams", -1, null, "a season may have at most " + maxTeams
                    + " teams (flextime.ingest.max-teams); this one has " + s.teams().size()));
        }
        if (s.slots().size() > maxSlots) {
            p.add(at.at(IngestLimits.TOO_MANY_SLOTS, "slots", -1, null, "a season may have at most " + maxSlots
                    + " slots (flextime.ingest.max-slots); this one has " + s.slots().size()));
        }
        p.throwIfAny("the season is over the configured size");
        if (!Ids.SEASON_KEY.matches(s.season())) {
            // The contract's definition: a key the events cannot carry would stall the run after ingest.
            p.add(at.at("WRONG_TYPE", "season", -1, null, Ids.SEASON_KEY.explain(s.season())));
        }
        Set<String> venues = new HashSet<>();
        for (int i = 0; i < s.venues().size(); i++) {
            Venue v = s.venues().get(i);
            if (!venues.add(v.id())) {
                p.add(at.at("DUPLICATE_ID", "venues", i, "id", "venue id '" + v.id() + "' appears twice"));
            }
        }
        Set<String> teams = new HashSet<>();
        for (int i = 0; i < s.teams().size(); i++) {
            Team t = s.teams().get(i);
            if (!teams.add(t.id())) {
                p.add(at.at("DUPLICATE_ID", "teams", i, "id", "team id '" + t.id() + "' appears twice"));
            }
            if (t.venueId() != null && !venues.contains(t.venueId())) {
                p.add(at.at("UNKNOWN_REFERENCE", "teams", i, "venueId", "venue '" + t.venueId() + "' is not in venues"));
            }
        }
        Set<Integer> slots = new HashSet<>();
        for (int i = 0; i < s.slots().size(); i++) {
            Slot x = s.slots().get(i);
            if (!slots.add(x.index())) {
                p.add(at.at("DUPLICATE_ID", "slots", i, "index", "slot index " + x.index() + " appears twice"));
            }
        }
        Set<String> constraintIds = new HashSet<>();
        boolean everySlotDated = s.slots().stream().allMatch(x -> x.date() != null);
        for (int i = 0; i < s.constraints().size(); i++) {
            SeasonConstraint c = s.constraints().get(i);
            if (!constraintIds.add(c.id())) {
                p.add(at.at("DUPLICATE_ID", "constraints", i, "id", "constraint id '" + c.id() + "' appears twice"));
            }
            if (c.penalty() < 0) {
                p.add(at.at("WRONG_TYPE", "constraints", i, "penalty", "a penalty cannot be negative"));
            }
            params(p, at, i, c, teams, slots, venues);
            int row = i;
            RuleCatalogue.seasonProblem(c.rule(), everySlotDated)
                    .ifPresent(m -> p.add(at.at("WRONG_TYPE", "constraints", row, "type", m)));
        }
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < s.matchups().size(); i++) {
            Matchup m = s.matchups().get(i);
            for (String[] ref : List.of(new String[] {"home", m.home()}, new String[] {"away", m.away()})) {
                if (!teams.contains(ref[1])) {
                    p.add(at.at("UNKNOWN_REFERENCE", "matchups", i, ref[0], "team '" + ref[1] + "' is not in teams"));
                }
            }
            if (!pairs.add(m.home() + "\u0000" + m.away())) {
                p.add(at.at("DUPLICATE_ID", "matchups", i, null, "matchup " + m.home() + " - " + m.away() + " appears twice"));
            }
            if (m.meetings() < 1) {
                p.add(at.at("WRONG_TYPE", "matchups", i, "meetings", "meetings must be at least 1"));
            }
        }
        pairs.clear();
        for (int i = 0; i < s.distances().size(); i++) {
            Distance d = s.distances().get(i);
            for (String[] ref : List.of(new String[] {"fromVenue", d.fromVenue()}, new String[] {"toVenue", d.toVenue()})) {
                if (!venues.contains(ref[1])) {
                    p.add(at.at("UNKNOWN_REFERENCE", "distances", i, ref[0], "venue '" + ref[1] + "' is not in venues"));
                }
            }
            if (!pairs.add(d.fromVenue() + "\u0000" + d.toVenue())) {
                p.add(at.at("DUPLICATE_ID", "distances", i, null, "distance " + d.fromVenue() + " -> " + d.toVenue()
                        + " appears twice"));
            }
            if (d.km() < 0) {
                p.add(at.at("WRONG_TYPE", "distances", i, "km", "a distance cannot be negative"));
            }
        }
        p.throwIfAny("the season has errors");
    }

    /**
     * A constraint's parameters as the rule catalogue reads them: what it rejects (missing, wrong type,
     * out of range) and every team, slot and venue they name that the season lacks.
     */
    private static void params(Problems p, Locator at, int i, SeasonConstraint c, Set<String> teams, Set<Integer> slots,
            Set<String> venues) {
        if (c.rule() instanceof Malformed m) {
            for (ParamProblem problem : m.problems()) {
                p.add(at.at(problem.kind() == ParamProblem.Kind.MISSING ? "MISSING_VALUE" : "WRONG_TYPE", "constraints", i,
                        "params." + problem.key(), c.type() + " " + problem.message()));
            }
            return;
        }
        for (RuleDefinition.Reference r : RuleCatalogue.references(c.rule())) {
            String field = "params." + r.key();
            switch (r.refers()) {
                case TEAMS -> {
                    if (!teams.contains((String) r.value())) {
                        p.add(at.at("UNKNOWN_REFERENCE", "constraints", i, field, "team '" + r.value() + "' is not in teams"));
                    }
                }
                case SLOTS -> {
                    if (!slots.contains((Integer) r.value())) {
                        p.add(at.at("UNKNOWN_REFERENCE", "constraints", i, field, "slot " + r.value() + " is not in slots"));
                    }
                }
                case VENUES -> {
                    if (!venues.contains((String) r.value())) {
                        p.add(at.at("UNKNOWN_REFERENCE", "constraints", i, field, "venue '" + r.value() + "' is not in venues"));
                    }
                }
                case NOTHING -> {
                }
            }
        }
    }
}
