package io.flextime.validate.checks;

import static io.flextime.validate.findings.FindingCode.RANGE_CONSTRAINT_PARAM;
import static io.flextime.validate.findings.FindingCode.REF_UNKNOWN_SLOT;
import static io.flextime.validate.findings.FindingCode.REF_UNKNOWN_TEAM;
import static io.flextime.validate.findings.FindingCode.REF_UNKNOWN_VENUE;
import static io.flextime.validate.findings.FindingCode.SCHEMA_PARAM_MISSING;
import static io.flextime.validate.findings.FindingCode.SCHEMA_PARAM_TYPE;

import io.flextime.core.model.ConstraintParams;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.validate.findings.Finding;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Constraint parameters: the keys each type needs (ConstraintType's javadoc), their types and ranges,
 * and that every team, venue and slot they name exists. Absent team or slot lists mean "all".
 */
public final class ConstraintParamCheck implements SeasonCheck {
    private static final List<String> TEAM_LIST_KEYS = List.of("teams", "teams1", "teams2");
    private static final List<String> TEAM_KEYS = List.of("team", "home", "away");
    private static final List<String> BOUND_KEYS = List.of("min", "max", "intp", "days");
    private static final Set<String> MODES = Set.of("H", "A", "HA");
    /** Per type: groups of keys of which at least one must be present. */
    private static final Map<String, List<List<String>>> REQUIRED = Map.ofEntries(
            Map.entry("CA1", List.of(List.of("min", "max"))),
            Map.entry("CA2", List.of(List.of("min", "max"))),
            Map.entry("CA3", List.of(List.of("min", "max"), List.of("intp"))),
            Map.entry("CA4", List.of(List.of("min", "max"))),
            Map.entry("GA1", List.of(List.of("meetings"), List.of("min", "max"))),
            Map.entry("BR1", List.of(List.of("intp"))),
            Map.entry("BR2", List.of(List.of("intp"))),
            Map.entry("FA2", List.of(List.of("intp"))),
            Map.entry("SE1", List.of(List.of("min"))),
            Map.entry("VENUE_UNAVAILABLE", List.of(List.of("venue"), List.of("dates", "slots"))),
            Map.entry("TEAM_UNAVAILABLE", List.of(List.of("team"), List.of("dates", "slots", "weekdays"))),
            Map.entry("FIXED_GAME", List.of(List.of("home"), List.of("away"), List.of("slot", "date"))),
            Map.entry("SHARED_VENUE", List.of(List.of("teams"))),
            Map.entry("MIN_REST_DAYS", List.of(List.of("days"))),
            Map.entry("MAX_ROAD_TRIP", List.of(List.of("max"))));

    @Override
    public void check(SeasonIndex index, List<Finding> out) {
        List<SeasonConstraint> all = index.season().constraints();
        for (int i = 0; i < all.size(); i++) {
            SeasonConstraint c = all.get(i);
            if (c.type() != null) {
                check(index, c, i + 1, out);
            }
        }
    }

    private void check(SeasonIndex index, SeasonConstraint c, int row, List<Finding> out) {
        ConstraintParams p = new ConstraintParams(c);
        for (List<String> group : REQUIRED.getOrDefault(c.type().name(), List.of())) {
            if (group.stream().noneMatch(p::has)) {
                out.add(SCHEMA_PARAM_MISSING.at("constraint", c.id(), row, String.join("|", group),
                        c.type() + " '" + c.id() + "' needs parameter " + String.join(" or ", group)));
            }
        }
        for (String key : BOUND_KEYS) {
            if (p.has(key)) {
                try {
                    if (p.integer(key) < 0) {
                        out.add(RANGE_CONSTRAINT_PARAM.at("constraint", c.id(), row, key,
                                c.type() + " '" + c.id() + "': " + key + " " + p.integer(key) + " is negative"));
                    }
                } catch (IllegalArgumentException e) {
                    out.add(SCHEMA_PARAM_TYPE.at("constraint", c.id(), row, key, e.getMessage()));
                }
            }
        }
        try {
            if (p.has("min") && p.has("max") && p.integer("min") > p.integer("max")) {
                out.add(RANGE_CONSTRAINT_PARAM.at("constraint", c.id(), row, "min", c.type() + " '" + c.id() + "': min "
                        + p.integer("min") + " > max " + p.integer("max")));
            }
        } catch (IllegalArgumentException e) {
            // reported above as SCHEMA_PARAM_TYPE
        }
        for (String key : List.of("mode", "mode1")) {
            if (p.has(key) && !MODES.contains(p.text(key, ""))) {
                out.add(RANGE_CONSTRAINT_PARAM.at("constraint", c.id(), row, key, c.type() + " '" + c.id() + "': " + key
                        + " '" + p.text(key, "") + "' is not H, A or HA"));
            }
        }
        references(index, c, p, row, out);
    }

    private void references(SeasonIndex index, SeasonConstraint c, ConstraintParams p, int row, List<Finding> out) {
        for (String key : TEAM_LIST_KEYS) {
            for (String team : p.strings(key)) {
                if (!"all".equalsIgnoreCase(team) && !index.hasTeam(team)) {
                    out.add(unknownTeam(c, row, key, team));
                }
            }
        }
        for (String key : TEAM_KEYS) {
            if (p.has(key) && !index.hasTeam(p.strings(key).get(0))) {
                out.add(unknownTeam(c, row, key, p.strings(key).get(0)));
            }
        }
        if (p.has("meetings")) {
            try {
                for (String[] m : p.meetings("meetings")) {
                    for (String team : m) {
                        if (!index.hasTeam(team)) {
                            out.add(unknownTeam(c, row, "meetings", team));
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                out.add(SCHEMA_PARAM_TYPE.at("constraint", c.id(), row, "meetings", e.getMessage()));
            }
        }
        if (p.has("venue") && !index.hasVenue(p.strings("venue").get(0))) {
            out.add(REF_UNKNOWN_VENUE.at("constraint", c.id(), row, "venue",
                    c.type() + " '" + c.id() + "' names unknown venue '" + p.strings("venue").get(0) + "'"));
        }
        for (String key : List.of("slots", "slot")) {
            try {
                for (int slot : p.integers(key)) {
                    if (!index.hasSlot(slot)) {
                        out.add(REF_UNKNOWN_SLOT.at("constraint", c.id(), row, key,
                                c.type() + " '" + c.id() + "' names unknown slot " + slot));
                    }
                }
            } catch (IllegalArgumentException e) {
                out.add(SCHEMA_PARAM_TYPE.at("constraint", c.id(), row, key, e.getMessage()));
            }
        }
        for (String key : List.of("dates", "date")) {
            try {
                p.dates(key);
            } catch (RuntimeException e) {
                out.add(SCHEMA_PARAM_TYPE.at("constraint", c.id(), row, key,
                        c.type() + " '" + c.id() + "': " + key + " must be ISO dates (YYYY-MM-DD)"));
            }
        }
        try {
            p.weekdays("weekdays");
        } catch (RuntimeException e) {
            out.add(SCHEMA_PARAM_TYPE.at("constraint", c.id(), row, "weekdays",
                    c.type() + " '" + c.id() + "': weekdays must be MONDAY..SUNDAY"));
        }
    }

    private static Finding unknownTeam(SeasonConstraint c, int row, String key, String team) {
        return REF_UNKNOWN_TEAM.at("constraint", c.id(), row, key, c.type() + " '" + c.id() + "' names unknown team '" + team + "'");
    }
}
