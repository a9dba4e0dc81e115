package io.flextime.validate.checks;

import io.flextime.core.model.ConstraintParams;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lookups every check needs (ids, positions, slots by date), built once per season. */
public final class SeasonIndex {
    private final Season season;
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final Map<String, Integer> teamRows = new HashMap<>();
    private final Map<String, Venue> venues = new LinkedHashMap<>();
    private final Map<String, Integer> venueRows = new HashMap<>();
    private final Map<Integer, Slot> slots = new LinkedHashMap<>();
    private final Map<Integer, Integer> slotPositions = new HashMap<>();
    private final Map<LocalDate, Integer> slotByDate = new HashMap<>();
    private final Map<String, Integer> constraintRows = new HashMap<>();

    public SeasonIndex(Season season) {
        this.season = season;
        for (int i = 0; i < season.teams().size(); i++) {
            Team t = season.teams().get(i);
            if (t.id() != null) {
                teams.putIfAbsent(t.id(), t);
                teamRows.putIfAbsent(t.id(), i + 1);
            }
        }
        for (int i = 0; i < season.venues().size(); i++) {
            Venue v = season.venues().get(i);
            if (v.id() != null) {
                venues.putIfAbsent(v.id(), v);
                venueRows.putIfAbsent(v.id(), i + 1);
            }
        }
        List<Slot> ordered = season.slots().stream().sorted(java.util.Comparator.comparingInt(Slot::index)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            Slot s = ordered.get(i);
            if (slots.putIfAbsent(s.index(), s) == null) {
                slotPositions.put(s.index(), i);
                if (s.date() != null) {
                    slotByDate.putIfAbsent(s.date(), s.index());
                }
            }
        }
        for (int i = 0; i < season.constraints().size(); i++) {
            String id = season.constraints().get(i).id();
            if (id != null) {
                constraintRows.putIfAbsent(id, i + 1);
            }
        }
    }

    public Season season() {
        return season;
    }

    public int teamCount() {
        return teams.size();
    }

    public boolean hasTeam(String id) {
        return teams.containsKey(id);
    }

    public Map<String, Team> teams() {
        return teams;
    }

    public Integer teamRow(String id) {
        return teamRows.get(id);
    }

    public boolean hasVenue(String id) {
        return venues.containsKey(id);
    }

    public Optional<Venue> venue(String id) {
        return Optional.ofNullable(id == null ? null : venues.get(id));
    }

    public Integer venueRow(String id) {
        return venueRows.get(id);
    }

    public boolean hasSlot(int index) {
        return slots.containsKey(index);
    }

    /** Slots in index order. */
    public List<Slot> slots() {
        return List.copyOf(slots.values());
    }

    public int slotCount() {
        return slots.size();
    }

    /** 0-based position of a slot in index order (slot indexes may start at 1). */
    public int position(int slotIndex) {
        return slotPositions.getOrDefault(slotIndex, -1);
    }

    public Optional<Integer> slotOn(LocalDate date) {
        return Optional.ofNullable(slotByDate.get(date));
    }

    public Integer constraintRow(String id) {
        return constraintRows.get(id);
    }

    public List<SeasonConstraint> hard() {
        return season.constraints().stream().filter(SeasonConstraint::hard).filter(c -> c.type() != null).toList();
    }

    /** Team ids of a constraint's list parameter; "all" or an absent list means every team. */
    public List<String> teamsOf(ConstraintParams p, String key) {
        List<String> ids = p.strings(key);
        if (ids.isEmpty() || ids.size() == 1 && "all".equalsIgnoreCase(ids.get(0))) {
            return List.copyOf(teams.keySet());
        }
        return ids;
    }

    /** Slot indexes of a constraint's list parameter; absent means every slot. */
    public List<Integer> slotsOf(ConstraintParams p, String key) {
        if (!p.has(key)) {
            return List.copyOf(slots.keySet());
        }
        return p.integers(key);
    }

    /**
     * Games per team the format asks for: 2(n-1), n-1, or gamesPerTeam (PARTIAL; MATCHUPS when given,
     * else null: the matchups alone say, and teams may differ).
     */
    public Integer gamesPerTeam() {
        int n = teamCount();
        return switch (season.format().roundRobin()) {
            case DOUBLE -> 2 * (n - 1);
            case SINGLE -> n - 1;
            case PARTIAL, MATCHUPS -> season.format().gamesPerTeam();
        };
    }
}
