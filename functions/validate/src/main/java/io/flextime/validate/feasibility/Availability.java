package io.flextime.validate.feasibility;

import io.flextime.core.model.ConstraintParams;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.validate.checks.SeasonIndex;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each team may play at home and away, slot by slot, after the hard blackouts: TEAM_UNAVAILABLE,
 * VENUE_UNAVAILABLE (home games) and CA1 with max 0. Each forbidden cell remembers the constraints
 * that forbid it, so a counting argument can name them. Malformed constraints are skipped here (the
 * parameter checks report them).
 */
public final class Availability {
    private final SeasonIndex index;
    private final List<String> teams;
    private final Map<String, Integer> teamPos = new HashMap<>();
    private final int slots;
    private final List<List<Set<String>>> homeBlock = new ArrayList<>();
    private final List<List<Set<String>>> awayBlock = new ArrayList<>();

    public Availability(SeasonIndex index) {
        this.index = index;
        this.teams = List.copyOf(index.teams().keySet());
        this.slots = index.slotCount();
        for (int t = 0; t < teams.size(); t++) {
            teamPos.put(teams.get(t), t);
            homeBlock.add(emptyRow());
            awayBlock.add(emptyRow());
        }
        for (SeasonConstraint c : index.hard()) {
            try {
                apply(c);
            } catch (RuntimeException e) {
                // malformed parameters: ConstraintParamCheck reports them
            }
        }
    }

    private List<Set<String>> emptyRow() {
        List<Set<String>> row = new ArrayList<>(slots);
        for (int p = 0; p < slots; p++) {
            row.add(null);
        }
        return row;
    }

    private void apply(SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        if (c.type() == ConstraintType.TEAM_UNAVAILABLE) {
            String mode = p.text("mode", "HA");
            Set<Integer> positions = positions(p);
            for (String team : index.teamsOf(p, "team")) {
                block(team, positions, mode, c.id());
            }
        } else if (c.type() == ConstraintType.VENUE_UNAVAILABLE) {
            String venue = p.strings("venue").get(0);
            Set<Integer> positions = positions(p);
            for (Team t : index.teams().values()) {
                if (venue.equals(t.venueId())) {
                    block(t.id(), positions, "H", c.id());
                }
            }
        } else if (c.type() == ConstraintType.CA1 && p.has("max") && p.integer("max") == 0) {
            Set<Integer> positions = new LinkedHashSet<>();
            for (int s : index.slotsOf(p, "slots")) {
                if (index.position(s) >= 0) {
                    positions.add(index.position(s));
                }
            }
            for (String team : index.teamsOf(p, "teams")) {
                block(team, positions, p.text("mode", "HA"), c.id());
            }
        }
    }

    /** Slot positions a TEAM_/VENUE_UNAVAILABLE names by slot, date or weekday. */
    private Set<Integer> positions(ConstraintParams p) {
        Set<Integer> out = new LinkedHashSet<>();
        for (int s : p.integers("slots")) {
            if (index.position(s) >= 0) {
                out.add(index.position(s));
            }
        }
        List<LocalDate> dates = p.dates("dates");
        List<DayOfWeek> weekdays = p.weekdays("weekdays");
        List<Slot> ordered = index.slots();
        for (int pos = 0; pos < ordered.size(); pos++) {
            LocalDate d = ordered.get(pos).date();
            if (d != null && (dates.contains(d) || weekdays.contains(d.getDayOfWeek()))) {
                out.add(pos);
            }
        }
        return out;
    }

    private void block(String team, Set<Integer> positions, String mode, String constraintId) {
        Integer t = teamPos.get(team);
        if (t == null) {
            return;
        }
        for (int pos : positions) {
            if (mode.contains("H")) {
                add(homeBlock.get(t), pos, constraintId);
            }
            if (mode.contains("A")) {
                add(awayBlock.get(t), pos, constraintId);
            }
        }
    }

    private static void add(List<Set<String>> row, int pos, String id) {
        if (row.get(pos) == null) {
            row.set(pos, new LinkedHashSet<>());
        }
        row.get(pos).add(id);
    }

    public List<String> teams() {
        return teams;
    }

    public int slots() {
        return slots;
    }

    public boolean homeAllowed(String team, int pos) {
        Integer t = teamPos.get(team);
        return t != null && homeBlock.get(t).get(pos) == null;
    }

    public boolean awayAllowed(String team, int pos) {
        Integer t = teamPos.get(team);
        return t != null && awayBlock.get(t).get(pos) == null;
    }

    /** Allowed in {@code mode}: H, A, or HA (either). */
    public boolean allowed(String team, int pos, String mode) {
        return switch (mode) {
            case "H" -> homeAllowed(team, pos);
            case "A" -> awayAllowed(team, pos);
            default -> homeAllowed(team, pos) || awayAllowed(team, pos);
        };
    }

    /** The constraints that forbid {@code mode} for the team in the positions (HA: both sides). */
    public Set<String> blockers(String team, Iterable<Integer> positions, String mode) {
        Set<String> out = new LinkedHashSet<>();
        Integer t = teamPos.get(team);
        if (t == null) {
            return out;
        }
        for (int pos : positions) {
            if (!mode.equals("A") && homeBlock.get(t).get(pos) != null) {
                out.addAll(homeBlock.get(t).get(pos));
            }
            if (!mode.equals("H") && awayBlock.get(t).get(pos) != null) {
                out.addAll(awayBlock.get(t).get(pos));
            }
        }
        return out;
    }

    public Set<String> blockers(String team, String mode) {
        List<Integer> all = new ArrayList<>();
        for (int p = 0; p < slots; p++) {
            all.add(p);
        }
        return blockers(team, all, mode);
    }
}
