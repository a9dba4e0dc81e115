package io.flextime.validate.feasibility;

import io.flextime.core.model.ConstraintParams;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.validate.checks.SeasonIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A hard CA1, read once: each team in {@code teams} plays between {@code min} and {@code max} games of
 * {@code mode} (H, A, HA) in the slot positions. {@code max} is MAX_VALUE when absent.
 */
public record Ca1Rule(String id, List<String> teams, String mode, Set<Integer> positions, int min, int max) {

    /** The well-formed hard CA1s of a season (malformed ones are reported by the parameter checks). */
    public static List<Ca1Rule> of(SeasonIndex index) {
        List<Ca1Rule> out = new ArrayList<>();
        for (SeasonConstraint c : index.hard()) {
            if (c.type() != ConstraintType.CA1) {
                continue;
            }
            try {
                ConstraintParams p = new ConstraintParams(c);
                Set<Integer> positions = new LinkedHashSet<>();
                for (int s : index.slotsOf(p, "slots")) {
                    if (index.position(s) >= 0) {
                        positions.add(index.position(s));
                    }
                }
                String mode = p.text("mode", "HA");
                out.add(new Ca1Rule(c.id(), index.teamsOf(p, "teams"), mode.equals("H") || mode.equals("A") ? mode : "HA",
                        positions, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE)));
            } catch (RuntimeException e) {
                // reported by ConstraintParamCheck
            }
        }
        return out;
    }

    public boolean covers(String team) {
        return teams.contains(team);
    }

    /** Whether a game counted in {@code gameMode} (H or A, from the team's side) counts for this rule. */
    public boolean counts(String gameMode) {
        return mode.equals("HA") || mode.equals(gameMode);
    }
}
