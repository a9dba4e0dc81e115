package io.flextime.solve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Distance;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-made seasons for focused tests: teams t0..t(n-1) at venues v0..v(n-1). */
public final class TinySeasons {
    public static final ObjectMapper JSON = new ObjectMapper();

    private TinySeasons() {
    }

    public static List<Team> teams(int n) {
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            teams.add(new Team("t" + i, "Team " + i, "v" + i, null, Map.of()));
        }
        return teams;
    }

    public static List<Venue> venues(int n) {
        List<Venue> venues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            venues.add(new Venue("v" + i, "Venue " + i, null, null, null, null, null));
        }
        return venues;
    }

    public static List<Slot> slots(int count, LocalDate first, int daysApart) {
        List<Slot> slots = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            slots.add(new Slot(s, first == null ? null : first.plusDays((long) s * daysApart), null, null, "R" + (s + 1)));
        }
        return slots;
    }

    /** A compact double round robin of n teams without geography. */
    public static Season compactDouble(int n, List<SeasonConstraint> constraints) {
        return new Season("tiny", "tiny", "test", null, null, null, SeasonFormat.compactDouble(), ObjectiveWeights.DEFAULT,
                false, teams(n), venues(n), slots(2 * (n - 1), null, 0), constraints, List.of(), List.of());
    }

    /** A compact double round robin with a distance matrix (km). */
    public static Season withMatrix(double[][] km, List<SeasonConstraint> constraints) {
        int n = km.length;
        List<Distance> d = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    d.add(new Distance("v" + i, "v" + j, km[i][j]));
                }
            }
        }
        return new Season("tiny", "tiny", "test", null, null, null, SeasonFormat.compactDouble(), ObjectiveWeights.DEFAULT,
                false, teams(n), venues(n), slots(2 * (n - 1), null, 0), constraints, List.of(), d);
    }

    public static SeasonConstraint hard(String id, ConstraintType type, String paramsJson) {
        return new SeasonConstraint(id, type, true, 1, params(paramsJson));
    }

    public static SeasonConstraint soft(String id, ConstraintType type, int penalty, String paramsJson) {
        return new SeasonConstraint(id, type, false, penalty, params(paramsJson));
    }

    public static ObjectNode params(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** The TTP rules on n teams: at most 3 home (away) in any 4 slots, no immediate rematch. */
    public static List<SeasonConstraint> ttpRules() {
        return List.of(hard("max3H", ConstraintType.CA3, "{'mode1':'H','intp':4,'max':3}"),
                hard("max3A", ConstraintType.CA3, "{'mode1':'A','intp':4,'max':3}"),
                hard("norepeat", ConstraintType.SE1, "{'min':1}"));
    }
}
