package io.flextime.validate.checks;

import io.flextime.core.model.SeasonIndex;
import static io.flextime.validate.findings.FindingCode.DUP_CONSTRAINT_ID;
import static io.flextime.validate.findings.FindingCode.DUP_DISTANCE;
import static io.flextime.validate.findings.FindingCode.DUP_MATCHUP;
import static io.flextime.validate.findings.FindingCode.DUP_SLOT_INDEX;
import static io.flextime.validate.findings.FindingCode.DUP_TEAM_ID;
import static io.flextime.validate.findings.FindingCode.DUP_VENUE_ID;
import static io.flextime.validate.findings.FindingCode.RANGE_SLOT_INDEX;
import static io.flextime.validate.findings.FindingCode.RANGE_SLOT_ORDER;
import static io.flextime.validate.findings.FindingCode.REF_UNKNOWN_TEAM;
import static io.flextime.validate.findings.FindingCode.REF_UNKNOWN_VENUE;

import io.flextime.core.model.Distance;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.Season;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.findings.FindingCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Integrity: no duplicate ids, every reference resolves, consecutive and chronological slots. */
public final class IdentityCheck implements SeasonCheck {

    @Override
    public void check(SeasonIndex index, List<Finding> out) {
        Season s = index.season();
        duplicates(s.teams(), Team::id, "team", DUP_TEAM_ID, out);
        duplicates(s.venues(), io.flextime.core.model.Venue::id, "venue", DUP_VENUE_ID, out);
        duplicates(s.slots(), x -> Integer.toString(x.index()), "slot", DUP_SLOT_INDEX, out);
        duplicates(s.constraints(), io.flextime.core.model.SeasonConstraint::id, "constraint", DUP_CONSTRAINT_ID, out);
        duplicates(s.matchups(), m -> m.home() + ">" + m.away(), "matchup", DUP_MATCHUP, out);
        duplicates(s.distances(), d -> d.fromVenue() + ">" + d.toVenue(), "distance", DUP_DISTANCE, out);

        for (int i = 0; i < s.teams().size(); i++) {
            Team t = s.teams().get(i);
            if (t.venueId() != null && !index.hasVenue(t.venueId())) {
                out.add(REF_UNKNOWN_VENUE.at("team", t.id(), i + 1, "venueId",
                        "Team '" + t.id() + "' plays at unknown venue '" + t.venueId() + "'"));
            }
        }
        for (int i = 0; i < s.matchups().size(); i++) {
            Matchup m = s.matchups().get(i);
            for (String[] side : new String[][] { {"home", m.home()}, {"away", m.away()} }) {
                if (!index.hasTeam(side[1])) {
                    out.add(REF_UNKNOWN_TEAM.at("matchup", m.home() + ">" + m.away(), i + 1, side[0],
                            "Matchup names unknown " + side[0] + " team '" + side[1] + "'"));
                }
            }
        }
        for (int i = 0; i < s.distances().size(); i++) {
            Distance d = s.distances().get(i);
            for (String[] side : new String[][] { {"fromVenue", d.fromVenue()}, {"toVenue", d.toVenue()} }) {
                if (!index.hasVenue(side[1])) {
                    out.add(REF_UNKNOWN_VENUE.at("distance", d.fromVenue() + ">" + d.toVenue(), i + 1, side[0],
                            "Distance names unknown venue '" + side[1] + "'"));
                }
            }
        }
        slots(index, out);
    }

    private static void slots(SeasonIndex index, List<Finding> out) {
        List<Slot> ordered = index.slots();
        if (ordered.isEmpty()) {
            return;
        }
        int first = ordered.get(0).index();
        if (first != 0 && first != 1) {
            out.add(RANGE_SLOT_INDEX.at("slot", Integer.toString(first), 1, "index",
                    "Slot indexes start at " + first + "; expected 0 or 1"));
        }
        for (int i = 1; i < ordered.size(); i++) {
            Slot prev = ordered.get(i - 1);
            Slot cur = ordered.get(i);
            if (cur.index() != prev.index() + 1) {
                out.add(RANGE_SLOT_INDEX.at("slot", Integer.toString(cur.index()), i + 1, "index",
                        "Slot " + cur.index() + " follows slot " + prev.index() + ": indexes must be consecutive"));
            }
            if (cur.date() != null && prev.date() != null && cur.date().isBefore(prev.date())) {
                out.add(RANGE_SLOT_ORDER.at("slot", Integer.toString(cur.index()), i + 1, "date",
                        "Slot " + cur.index() + " (" + cur.date() + ") is before slot " + prev.index() + " (" + prev.date() + ")"));
            }
        }
    }

    private static <T> void duplicates(List<T> records, Function<T, String> id, String entity, FindingCode code,
            List<Finding> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            String key = id.apply(records.get(i));
            if (key != null && !seen.add(key)) {
                out.add(code.at(entity, key, i + 1, "id", "Duplicate " + entity + " '" + key + "' (row " + (i + 1) + ")"));
            }
        }
    }
}
