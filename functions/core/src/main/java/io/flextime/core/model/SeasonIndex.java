package io.flextime.core.model;

import io.flextime.core.rules.SlotCover;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dense positions over a season, shared by every module that reads one: teams 0..n-1 in season order,
 * slots 0..S-1 in slot-index order (slot indexes may start at 1 or leave gaps), lookups by id, index,
 * date and record row, and (strict index) the travel matrix between the teams' home venues in whole
 * metres (CP-SAT needs integers; the evaluator rounds each leg the same way).
 *
 * <p>{@link #SeasonIndex(Season)} is strict: a duplicate team id or slot index is an error (solve).
 * {@link #tolerant(Season)} keeps the first of duplicates and skips records without an id, so the
 * checks that report such records can still look the rest up (validate).
 */
public final class SeasonIndex {
    public final Season season;
    public final int n;
    public final int slotCount;
    /** The teams, in season order, one per id. */
    public final List<Team> teams;
    /** The slots, in index order, one per index. */
    public final List<Slot> slots;
    private final Map<String, Integer> teamPos = new HashMap<>();
    private final Map<String, Integer> teamRows = new HashMap<>();
    private final Map<Integer, Integer> slotPos = new HashMap<>();
    private final Map<LocalDate, Integer> slotByDate = new HashMap<>();
    private final Map<String, Venue> venues = new LinkedHashMap<>();
    private final Map<String, Integer> venueRows = new HashMap<>();
    private final Map<String, Integer> constraintRows = new HashMap<>();
    private final long[][] metres;
    private final boolean strict;

    public SeasonIndex(Season season) {
        this(season, true);
    }

    /** An index that keeps the first of duplicate ids and skips records without one. */
    public static SeasonIndex tolerant(Season season) {
        return new SeasonIndex(season, false);
    }

    private SeasonIndex(Season season, boolean strict) {
        this.season = season;
        this.strict = strict;
        List<Team> distinctTeams = new ArrayList<>();
        for (int i = 0; i < season.teams().size(); i++) {
            Team t = season.teams().get(i);
            if (t.id() == null && !strict) {
                continue;
            }
            if (teamPos.containsKey(t.id())) {
                if (strict) {
                    throw new IllegalArgumentException("duplicate team id " + t.id());
                }
                continue;
            }
            teamPos.put(t.id(), distinctTeams.size());
            teamRows.put(t.id(), i + 1);
            distinctTeams.add(t);
        }
        this.teams = List.copyOf(distinctTeams);
        this.n = teams.size();
        List<Slot> ordered = new ArrayList<>(season.slots());
        ordered.sort(Comparator.comparingInt(Slot::index));
        List<Slot> distinctSlots = new ArrayList<>();
        for (Slot s : ordered) {
            if (slotPos.containsKey(s.index())) {
                if (strict) {
                    throw new IllegalArgumentException("duplicate slot index " + s.index());
                }
                continue;
            }
            slotPos.put(s.index(), distinctSlots.size());
            if (s.date() != null) {
                slotByDate.putIfAbsent(s.date(), s.index());
            }
            distinctSlots.add(s);
        }
        this.slots = List.copyOf(distinctSlots);
        this.slotCount = slots.size();
        for (int i = 0; i < season.venues().size(); i++) {
            Venue v = season.venues().get(i);
            if (v.id() != null && venues.putIfAbsent(v.id(), v) == null) {
                venueRows.put(v.id(), i + 1);
            }
        }
        for (int i = 0; i < season.constraints().size(); i++) {
            String id = season.constraints().get(i).id();
            if (id != null) {
                constraintRows.putIfAbsent(id, i + 1);
            }
        }
        this.metres = strict ? travelMatrix(season, teams) : null;
    }

    public Season season() {
        return season;
    }

    // ---- teams ----

    public int teamCount() {
        return n;
    }

    public boolean hasTeam(String id) {
        return teamPos.containsKey(id);
    }

    /** Position of a team; an unknown id is an error naming the constraint that refers to it. */
    public int team(String id, String constraintId) {
        Integer t = teamPos.get(id);
        if (t == null) {
            throw new IllegalArgumentException("constraint " + constraintId + ": unknown team '" + id + "'");
        }
        return t;
    }

    public String teamId(int t) {
        return teams.get(t).id();
    }

    public Optional<Team> teamById(String id) {
        Integer t = teamPos.get(id);
        return t == null ? Optional.empty() : Optional.of(teams.get(t));
    }

    /** Team ids in season order. */
    public List<String> teamIds() {
        return teams.stream().map(Team::id).toList();
    }

    /** 1-based position of the team's record in the season's list (its first one). */
    public Integer teamRow(String id) {
        return teamRows.get(id);
    }

    /** Positions of a rule's team list; empty means every team. */
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

    /** A rule's team list as ids; empty means every team. */
    public List<String> teamIdsOf(List<String> ids) {
        return ids.isEmpty() ? teamIds() : ids;
    }

    // ---- slots ----

    public int slotCount() {
        return slotCount;
    }

    public List<Slot> slots() {
        return slots;
    }

    public boolean hasSlot(int index) {
        return slotPos.containsKey(index);
    }

    /** Position of a slot index; an unknown one is an error naming the constraint that refers to it. */
    public int slot(int index, String constraintId) {
        Integer s = slotPos.get(index);
        if (s == null) {
            throw new IllegalArgumentException("constraint " + constraintId + ": unknown slot " + index);
        }
        return s;
    }

    /** 0-based position of a slot index, or -1 when the season has no such slot. */
    public int position(int slotIndex) {
        return slotPos.getOrDefault(slotIndex, -1);
    }

    public int slotIndex(int s) {
        return slots.get(s).index();
    }

    public LocalDate date(int s) {
        return slots.get(s).date();
    }

    /** The index of the (first) slot on a date. */
    public Optional<Integer> slotOn(LocalDate date) {
        return Optional.ofNullable(slotByDate.get(date));
    }

    /** Positions of a rule's slot list, ascending; empty means every slot. */
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

    /** Positions of the slots a calendar rule covers, ascending. */
    public int[] covered(SlotCover cover) {
        int[] out = new int[slotCount];
        int k = 0;
        for (int s = 0; s < slotCount; s++) {
            if (cover.covers(slots.get(s))) {
                out[k++] = s;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    // ---- venues and records ----

    public boolean hasVenue(String id) {
        return venues.containsKey(id);
    }

    public Optional<Venue> venue(String id) {
        return Optional.ofNullable(id == null ? null : venues.get(id));
    }

    public Integer venueRow(String id) {
        return venueRows.get(id);
    }

    public Integer constraintRow(String id) {
        return constraintRows.get(id);
    }

    /** The hard constraints whose type is known. */
    public List<SeasonConstraint> hard() {
        return season.constraints().stream().filter(SeasonConstraint::hard).filter(c -> c.type() != null).toList();
    }

    /** Games per team the format asks for: 2(n-1), n-1, or gamesPerTeam (PARTIAL; MATCHUPS when given, else null). */
    public Integer gamesPerTeam() {
        return switch (season.format().roundRobin()) {
            case DOUBLE -> 2 * (n - 1);
            case SINGLE -> n - 1;
            case PARTIAL, MATCHUPS -> season.format().gamesPerTeam();
        };
    }

    // ---- travel ----

    /**
     * Metres between the home venues of team i and team j; null when the season has no geography (no
     * distance matrix and no coordinates, or a team without a venue). Computed by the strict index (a
     * missing distance is an error there); a tolerant one has none.
     */
    public long[][] metres() {
        if (!strict) {
            throw new IllegalStateException("a tolerant season index keeps no travel matrix");
        }
        return metres;
    }

    public boolean hasTravel() {
        return metres() != null;
    }

    private static long[][] travelMatrix(Season season, List<Team> teams) {
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
}
