package io.flextime.solve.replan;

import io.flextime.core.model.Game;
import io.flextime.rules.evaluator.Assignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a re-plan changed against its base: the games on another slot than the base had them (a pair that
 * meets more than once is matched meeting by meeting in slot order, so a swap of two meetings' slots counts
 * as two moves), the postponed ones apart.
 */
public final class ReplanOutcome {
    private ReplanOutcome() {
    }

    /** One game that moved: its base number, teams, and old and new slot. */
    public record MovedGame(int baseGame, String home, String away, int fromSlot, int toSlot, boolean postponed) {
    }

    public static List<MovedGame> moved(List<Game> base, List<Assignment> result, Set<Integer> postponed) {
        Map<String, List<Integer>> newSlots = new HashMap<>();
        result.stream().sorted(java.util.Comparator.comparingInt(Assignment::slot))
                .forEach(a -> newSlots.computeIfAbsent(a.home() + '\u0000' + a.away(), k -> new ArrayList<>()).add(a.slot()));
        // the games that stayed claim their slot first; the others take what is left of their pair, in order
        Map<String, List<Game>> open = new HashMap<>();
        for (Game g : base) {
            List<Integer> slots = newSlots.getOrDefault(g.homeTeam() + '\u0000' + g.awayTeam(), new ArrayList<>());
            if (!postponed.contains(g.number()) && slots.remove((Integer) g.slotIndex())) {
                continue;
            }
            open.computeIfAbsent(g.homeTeam() + '\u0000' + g.awayTeam(), k -> new ArrayList<>()).add(g);
        }
        List<MovedGame> out = new ArrayList<>();
        for (Game g : base) {
            String key = g.homeTeam() + '\u0000' + g.awayTeam();
            List<Game> waiting = open.get(key);
            if (waiting == null || !waiting.contains(g)) {
                continue;
            }
            List<Integer> slots = newSlots.getOrDefault(key, List.of());
            int to = slots.isEmpty() ? -1 : slots.remove(0);
            out.add(new MovedGame(g.number(), g.homeTeam(), g.awayTeam(), g.slotIndex(), to, postponed.contains(g.number())));
        }
        return out;
    }

    /** Moves besides the postponed games: what the benchmark counts. */
    public static long movesBesidesPostponed(List<MovedGame> moved) {
        return moved.stream().filter(m -> !m.postponed()).count();
    }
}
