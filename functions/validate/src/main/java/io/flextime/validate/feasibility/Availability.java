package io.flextime.validate.feasibility;

import io.flextime.core.rules.Ca1;
import io.flextime.core.rules.TeamUnavailable;
import io.flextime.core.rules.VenueUnavailable;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Team;
import io.flextime.core.model.SeasonIndex;
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
        this.teams = List.copyOf(index.teamIds());
        this.slots = index.slotCount();
        for (int t = 0; t < teams.size(); t++) {
            teamPos.put(teams.get(t), t);
            homeBlock.add(emptyRow());
            awayBlock.add(emptyRow());
        }
        for (SeasonConstraint c : index.hard()) {
            apply(c);
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
        if (c.rule() instanceof TeamUnavailable r) {
            block(r.team(), index.covered(r.cover()), r.mode().name(), c.id());
        } else if (c.rule() instanceof VenueUnavailable r) {
            int[] positions = index.covered(r.cover());
            for (Team t : index.teams) {
                if (r.venue().equals(t.venueId())) {
                    block(t.id(), positions, "H", c.id());
                }
            }
        } else if (c.rule() instanceof Ca1 r && r.max() == 0) {
            Set<Integer> positions = Ca1Rule.positions(index, r.slots());
            for (String team : index.teamIdsOf(r.teams())) {
                block(team, positions.stream().mapToInt(Integer::intValue).toArray(), r.mode().name(), c.id());
            }
        }
    }

    private void block(String team, int[] positions, String mode, String constraintId) {
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
