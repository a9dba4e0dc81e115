package io.flextime.ingest.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.flextime.core.model.Distance;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.ingest.format.Locator;
import io.flextime.core.format.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks every format shares before anything is stored: ids are unique, every reference points at
 * something that exists (team → venue, constraint params → teams, slots, venues), and the params a
 * constraint type documents have the right JSON types. Whether the season is schedulable is validate's
 * job, not ingest's.
 */
public final class SeasonChecks {
    private static final Set<String> TEAM_LISTS = Set.of("teams", "teams1", "teams2");
    private static final Set<String> TEAM_REFS = Set.of("team", "home", "away");
    private static final Set<String> INTS = Set.of("min", "max", "intp", "days", "slot");
    private static final Set<String> MODES = Set.of("mode", "mode1", "mode2");

    private SeasonChecks() {
    }

    public static void check(Season s, Locator at) {
        Problems p = new Problems();
        if (s.season() == null || !s.season().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            p.add(at.at("WRONG_TYPE", "season", -1, null, "the season key '" + s.season()
                    + "' must be 1-100 letters, digits, '.', '_' or '-'"));
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
        for (int i = 0; i < s.constraints().size(); i++) {
            SeasonConstraint c = s.constraints().get(i);
            if (!constraintIds.add(c.id())) {
                p.add(at.at("DUPLICATE_ID", "constraints", i, "id", "constraint id '" + c.id() + "' appears twice"));
            }
            if (c.penalty() < 0) {
                p.add(at.at("WRONG_TYPE", "constraints", i, "penalty", "a penalty cannot be negative"));
            }
            if (c.params() != null) {
                int index = i;
                c.params().fields().forEachRemaining(e -> param(p, at, index, e.getKey(), e.getValue(), teams, slots, venues));
            }
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

    private static void param(Problems p, Locator at, int i, String key, JsonNode v, Set<String> teams, Set<Integer> slots,
            Set<String> venues) {
        String field = "params." + key;
        if (TEAM_LISTS.contains(key)) {
            if (!v.isArray()) {
                p.add(at.at("WRONG_TYPE", "constraints", i, field, "a list of team ids is expected"));
                return;
            }
            v.forEach(t -> {
                if (!t.isTextual() || !teams.contains(t.asText())) {
                    p.add(at.at("UNKNOWN_REFERENCE", "constraints", i, field, "team '" + t.asText() + "' is not in teams"));
                }
            });
        } else if (TEAM_REFS.contains(key)) {
            if (!v.isTextual() || !teams.contains(v.asText())) {
                p.add(at.at("UNKNOWN_REFERENCE", "constraints", i, field, "team '" + v.asText() + "' is not in teams"));
            }
        } else if (key.equals("slots")) {
            if (!v.isArray()) {
                p.add(at.at("WRONG_TYPE", "constraints", i, field, "a list of slot indexes is expected"));
                return;
            }
            v.forEach(x -> {
                if (!x.isIntegralNumber() || !slots.contains(x.asInt())) {
                    p.add(at.at("UNKNOWN_REFERENCE", "constraints", i, field, "slot " + x + " is not in slots"));
                }
            });
        } else if (INTS.contains(key)) {
            if (!v.isIntegralNumber()) {
                p.add(at.at("WRONG_TYPE", "constraints", i, field, "a whole number is expected, found " + v));
            } else if (key.equals("slot") && !slots.contains(v.asInt())) {
                p.add(at.at("UNKNOWN_REFERENCE", "constraints", i, field, "slot " + v + " is not in slots"));
            }
        } else if (key.equals("venue")) {
            if (!v.isTextual() || !venues.contains(v.asText())) {
                p.add(at.at("UNKNOWN_REFERENCE", "constraints", i, field, "venue '" + v.asText() + "' is not in venues"));
            }
        } else if (MODES.contains(key) && !v.isTextual()) {
            p.add(at.at("WRONG_TYPE", "constraints", i, field, "a mode such as H, A, HA is expected"));
        } else if (key.equals("meetings")) {
            if (!v.isArray()) {
                p.add(at.at("WRONG_TYPE", "constraints", i, field, "a list of [home, away] pairs is expected"));
                return;
            }
            v.forEach(m -> {
                if (!m.isArray() || m.size() != 2 || !teams.contains(m.get(0).asText()) || !teams.contains(m.get(1).asText())) {
                    p.add(at.at("UNKNOWN_REFERENCE", "constraints", i, field, "meeting " + m + " is not a [home, away] pair of teams"));
                }
            });
        }
    }
}
