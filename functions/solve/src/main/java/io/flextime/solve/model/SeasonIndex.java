package io.flextime.solve.model;

import io.flextime.core.model.Season;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense indexes over a season for the model: teams 0..n-1 in season order, slots 0..S-1 in slot-index
 * order, and the travel matrix between the teams' home venues in whole metres (CP-SAT needs integers;
 * the evaluator rounds each leg the same way, see README "Model").
 */
public final class SeasonIndex {
    public final Season season;
    public final int n;
    public final int slotCount;
    public final List<Team> teams;
    public final List<Slot> slots;
    private final Map<String, Integer> teamPos = new HashMap<>();
    private final Map<Integer, Integer> slotPos = new HashMap<>();
    /** metres between the home venues of team i and team j; null when the season has no geography. */
    public final long[][] metres;

    public SeasonIndex(Season season) {
        this.season = season;
        this.teams = season.teams();
        this.n = teams.size();
        this.slots = new ArrayList<>(season.slots());
        this.slots.sort(Comparator.comparingInt(Slot::index));
        this.slotCount = slots.size();
        for (int t = 0; t < n; t++) {
            if (teamPos.put(teams.get(t).id(), t) != null) {
                throw new IllegalArgumentException("duplicate team id " + teams.get(t).id());
            }
        }
        for (int s = 0; s < slotCount; s++) {
            if (slotPos.put(slots.get(s).index(), s) != null) {
                throw new IllegalArgumentException("duplicate slot index " + slots.get(s).index());
            }
        }
        this.metres = travelMatrix(season, teams);
    }

    /** Travel applies when there is a distance matrix or every home venue has coordinates. */
    static long[][] travelMatrix(Season season, List<Team> teams) {
        boolean anyGeography = !season.distances().isEmpty()
                || season.venues().stream().anyMatch(v -> v.latitude() != null && v.longitude() != null);
        if (!anyGeography || teams.stream().anyMatch(t -> t.venueId() == null)) {
            return null;
        }
        Season.DistanceTable table = season.distanceTable();
        long[][] m = new long[teams.size()][teams.size()];
        for (int i = 0; i < teams.size(); i++) {
            for (int j = 0; j < teams.size(); j++) {
                m[i][j] = Math.round(table.km(teams.get(i).venueId(), teams.get(j).venueId()) * 1000.0);
            }
        }
        return m;
    }

    public boolean hasTravel() {
        return metres != null;
    }

    public int team(String id, String constraintId) {
        Integer t = teamPos.get(id);
        if (t == null) {
            throw new IllegalArgumentException("constraint " + constraintId + ": unknown team '" + id + "'");
        }
        return t;
    }

    public int slot(int index, String constraintId) {
        Integer s = slotPos.get(index);
        if (s == null) {
            throw new IllegalArgumentException("constraint " + constraintId + ": unknown slot " + index);
        }
        return s;
    }

    public String teamId(int t) {
        return teams.get(t).id();
    }

    public int slotIndex(int s) {
        return slots.get(s).index();
    }

    public LocalDate date(int s) {
        return slots.get(s).date();
    }

    /** Resolves a list of team ids; empty or absent means every team. */
    public int[] teams(List<String> ids, String constraintId) {
        if (ids.isEmpty()) {
            int[] all = new int[n];
            for (int t = 0; t < n; t++) {
                all[t] = t;
            }
            return all;
        }
        return ids.stream().mapToInt(id -> team(id, constraintId)).distinct().toArray();
    }

    /** Resolves slot indexes; empty or absent means every slot. */
    public int[] slots(List<Integer> indexes, String constraintId) {
        if (indexes.isEmpty()) {
            int[] all = new int[slotCount];
            for (int s = 0; s < slotCount; s++) {
                all[s] = s;
            }
            return all;
        }
        return indexes.stream().mapToInt(i -> slot(i, constraintId)).distinct().sorted().toArray();
    }
}
