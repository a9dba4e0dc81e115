package io.flextime.validate.checks;

import io.flextime.core.model.SeasonIndex;
import static io.flextime.validate.findings.FindingCode.RANGE_CAPACITY;
import static io.flextime.validate.findings.FindingCode.RANGE_DISTANCE;
import static io.flextime.validate.findings.FindingCode.RANGE_FORMAT;
import static io.flextime.validate.findings.FindingCode.RANGE_LATITUDE;
import static io.flextime.validate.findings.FindingCode.RANGE_LONGITUDE;
import static io.flextime.validate.findings.FindingCode.RANGE_MEETINGS;
import static io.flextime.validate.findings.FindingCode.RANGE_PENALTY;
import static io.flextime.validate.findings.FindingCode.RANGE_SEASON_DATES;
import static io.flextime.validate.findings.FindingCode.RANGE_SLOT_DATE;
import static io.flextime.validate.findings.FindingCode.RANGE_SLOT_TIME;
import static io.flextime.validate.findings.FindingCode.RANGE_TIME_ZONE;
import static io.flextime.validate.findings.FindingCode.SCHEMA_REQUIRED;

import io.flextime.core.model.Distance;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.validate.findings.Finding;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Schema and ranges, record by record: required fields, coordinates on Earth, dates in the season, IANA zones. */
public final class RangeCheck implements SeasonCheck {
    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();

    @Override
    public void check(SeasonIndex index, List<Finding> out) {
        Season s = index.season();
        if (blank(s.season())) {
            out.add(SCHEMA_REQUIRED.at("season", null, null, "season", "The season key is missing"));
        }
        if (blank(s.name())) {
            out.add(SCHEMA_REQUIRED.at("season", s.season(), null, "name", "The season name is missing"));
        }
        if (s.start() != null && s.end() != null && s.end().isBefore(s.start())) {
            out.add(RANGE_SEASON_DATES.at("season", s.season(), null, "end",
                    "Season ends " + s.end() + ", before it starts " + s.start()));
        }
        zone(s.timeZone(), "season", s.season(), null, out);
        if (s.format().roundRobin() == SeasonFormat.RoundRobin.PARTIAL
                && (s.format().gamesPerTeam() == null || s.format().gamesPerTeam() < 1)) {
            out.add(RANGE_FORMAT.at("season", s.season(), null, "format.gamesPerTeam",
                    "A partial round robin needs gamesPerTeam >= 1"));
        }
        if (s.format().roundRobin() == SeasonFormat.RoundRobin.MATCHUPS && s.matchups().isEmpty()) {
            out.add(RANGE_FORMAT.at("season", s.season(), null, "format.roundRobin",
                    "roundRobin MATCHUPS takes the games from the matchups, but the season lists none"));
        }
        for (int i = 0; i < s.teams().size(); i++) {
            Team t = s.teams().get(i);
            if (blank(t.id())) {
                out.add(SCHEMA_REQUIRED.at("team", null, i + 1, "id", "Team without an id"));
            }
            if (blank(t.name())) {
                out.add(SCHEMA_REQUIRED.at("team", t.id(), i + 1, "name", "Team '" + t.id() + "' has no name"));
            }
            zone(t.timeZone(), "team", t.id(), i + 1, out);
        }
        for (int i = 0; i < s.venues().size(); i++) {
            venue(s.venues().get(i), i + 1, out);
        }
        for (int i = 0; i < s.slots().size(); i++) {
            Slot slot = s.slots().get(i);
            String id = Integer.toString(slot.index());
            if (slot.date() != null && (s.start() != null && slot.date().isBefore(s.start())
                    || s.end() != null && slot.date().isAfter(s.end()))) {
                out.add(RANGE_SLOT_DATE.at("slot", id, i + 1, "date", "Slot " + id + " is on " + slot.date()
                        + ", outside the season " + s.start() + " .. " + s.end()));
            }
            if (slot.startTime() != null && slot.endTime() != null && !slot.endTime().isAfter(slot.startTime())) {
                out.add(RANGE_SLOT_TIME.at("slot", id, i + 1, "endTime", "Slot " + id + " ends at " + slot.endTime()
                        + ", not after its start " + slot.startTime()));
            }
        }
        for (int i = 0; i < s.constraints().size(); i++) {
            SeasonConstraint c = s.constraints().get(i);
            if (blank(c.id())) {
                out.add(SCHEMA_REQUIRED.at("constraint", null, i + 1, "id", "Constraint without an id"));
            }
            if (c.type() == null) {
                out.add(SCHEMA_REQUIRED.at("constraint", c.id(), i + 1, "type", "Constraint '" + c.id() + "' has no type"));
            }
            if (c.penalty() < 0) {
                out.add(RANGE_PENALTY.at("constraint", c.id(), i + 1, "penalty",
                        "Constraint '" + c.id() + "' has a negative penalty " + c.penalty()));
            }
        }
        for (int i = 0; i < s.matchups().size(); i++) {
            Matchup m = s.matchups().get(i);
            if (m.meetings() < 1) {
                out.add(RANGE_MEETINGS.at("matchup", m.home() + ">" + m.away(), i + 1, "meetings",
                        m.home() + " hosting " + m.away() + " has meetings " + m.meetings() + " (must be >= 1)"));
            }
        }
        for (int i = 0; i < s.distances().size(); i++) {
            Distance d = s.distances().get(i);
            if (Double.isNaN(d.km()) || Double.isInfinite(d.km()) || d.km() < 0) {
                out.add(RANGE_DISTANCE.at("distance", d.fromVenue() + ">" + d.toVenue(), i + 1, "km",
                        "Distance " + d.fromVenue() + " -> " + d.toVenue() + " is " + d.km() + " km"));
            }
        }
    }

    private static void venue(Venue v, int row, List<Finding> out) {
        if (blank(v.id())) {
            out.add(SCHEMA_REQUIRED.at("venue", null, row, "id", "Venue without an id"));
        }
        if (blank(v.name())) {
            out.add(SCHEMA_REQUIRED.at("venue", v.id(), row, "name", "Venue '" + v.id() + "' has no name"));
        }
        if (v.latitude() != null && !(v.latitude() >= -90 && v.latitude() <= 90)) {
            out.add(RANGE_LATITUDE.at("venue", v.id(), row, "latitude",
                    "Venue '" + v.id() + "' latitude " + v.latitude() + " is not in [-90, 90]"));
        }
        if (v.longitude() != null && !(v.longitude() >= -180 && v.longitude() <= 180)) {
            out.add(RANGE_LONGITUDE.at("venue", v.id(), row, "longitude",
                    "Venue '" + v.id() + "' longitude " + v.longitude() + " is not in [-180, 180]"));
        }
        if (v.capacity() != null && v.capacity() <= 0) {
            out.add(RANGE_CAPACITY.at("venue", v.id(), row, "capacity",
                    "Venue '" + v.id() + "' capacity " + v.capacity() + " is not > 0"));
        }
        zone(v.timeZone(), "venue", v.id(), row, out);
    }

    private static void zone(String zone, String entity, String id, Integer row, List<Finding> out) {
        if (zone != null && !IANA_ZONES.contains(zone)) {
            out.add(RANGE_TIME_ZONE.at(entity, id, row, "timeZone",
                    "'" + zone + "' is not an IANA time zone id (e.g. America/Chicago)"));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
