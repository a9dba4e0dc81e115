package io.flextime.validate.feasibility;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Ca1;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A hard CA1 resolved against the season: each team in {@code teams} plays between {@code min} and
 * {@code max} games of {@code mode} (H, A, HA) in the slot positions. {@code max} is MAX_VALUE when absent.
 */
public record Ca1Rule(String id, List<String> teams, String mode, Set<Integer> positions, int min, int max) {

    /** The hard CA1s of a season (malformed ones are reported by the parameter checks). */
    public static List<Ca1Rule> of(SeasonIndex index) {
        List<Ca1Rule> out = new ArrayList<>();
        for (SeasonConstraint c : index.hard()) {
            if (c.rule() instanceof Ca1 r) {
                out.add(new Ca1Rule(c.id(), index.teamIdsOf(r.teams()), r.mode().name(), positions(index, r.slots()), r.min(),
                        r.max()));
            }
        }
        return out;
    }

    /** Positions of a rule's slot list (every slot when empty), unknown slots left out. */
    static Set<Integer> positions(SeasonIndex index, List<Integer> slots) {
        Set<Integer> out = new LinkedHashSet<>();
        if (slots.isEmpty()) {
            for (int p = 0; p < index.slotCount(); p++) {
                out.add(p);
            }
        }
        for (int s : slots) {
            if (index.position(s) >= 0) {
                out.add(index.position(s));
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
