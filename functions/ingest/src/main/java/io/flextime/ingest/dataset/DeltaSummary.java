package io.flextime.ingest.dataset;

import io.flextime.core.model.Season;
import io.flextime.events.data.DatasetIngested;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What changed between two versions of a season: ids added, removed and changed per entity. */
public final class DeltaSummary {
    private DeltaSummary() {
    }

    public static DatasetIngested.Delta between(Season before, Season after) {
        List<List<String>> teams = diff(before.teams(), after.teams(), t -> t.id());
        List<List<String>> venues = diff(before.venues(), after.venues(), v -> v.id());
        List<List<String>> slots = diff(before.slots(), after.slots(), s -> "s" + s.index());
        List<List<String>> constraints = diff(before.constraints(), after.constraints(), c -> c.id());
        return new DatasetIngested.Delta(teams.get(0), teams.get(1), teams.get(2), venues.get(0), venues.get(1), venues.get(2),
                slots.get(0), slots.get(1), slots.get(2), constraints.get(0), constraints.get(1), constraints.get(2));
    }

    public static DatasetIngested.Counts counts(Season s, long historicalGames) {
        return new DatasetIngested.Counts(s.teams().size(), s.venues().size(), s.slots().size(), s.constraints().size(),
                s.matchups().size(), s.distances().size(), (int) Math.min(Integer.MAX_VALUE, historicalGames));
    }

    /** [added, removed, changed], each in the order of the newer (added, changed) or older (removed) list. */
    static <T> List<List<String>> diff(List<T> before, List<T> after, Function<T, String> id) {
        Map<String, T> old = new LinkedHashMap<>();
        before.forEach(x -> old.put(id.apply(x), x));
        Map<String, T> now = new LinkedHashMap<>();
        after.forEach(x -> now.put(id.apply(x), x));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        now.forEach((k, v) -> {
            if (!old.containsKey(k)) {
                added.add(k);
            } else if (!old.get(k).equals(v)) {
                changed.add(k);
            }
        });
        List<String> removed = old.keySet().stream().filter(k -> !now.containsKey(k)).toList();
        return List.of(added, removed, changed);
    }
}
