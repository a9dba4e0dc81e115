package io.flextime.rules.sequence;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.GameWindow;
import io.flextime.rules.model.SeasonModel;

/**
 * GAME_WINDOW's rows: the games of mode among team t's first (last) k games, between min and max
 * ({@link SeasonModel#limit}: hard, or an exact deviation). Compact seasons: the first (last) k slots.
 * With byes: slot s holds one of the first k games when t plays there with fewer than k games before
 * (after) it; that indicator is shared by every rule of the same k and end.
 */
final class GameWindowRows {
    private GameWindowRows() {
    }

    static void gameWindow(SeasonModel m, SeasonConstraint c, GameWindow r) {
        int k = r.games();
        int slots = m.ix.slotCount;
        boolean first = r.position() == GameWindow.Position.FIRST;
        for (int t : m.ix.teams(r.teams(), c.id())) {
            LinearExprBuilder count = LinearExpr.newBuilder();
            for (int s = 0; s < slots; s++) {
                int edge = first ? s : slots - 1 - s; // slots between s and the season's end: games there are at most that
                if (edge < k) {
                    count.add(m.games(t, s, r.mode()));
                } else if (!m.compact) {
                    count.add(counted(m, t, s, k, first, (BoolVar) m.games(t, s, r.mode()), r.mode().name()));
                }
            }
            m.limit(c, count, r.min(), r.max(), Math.min(k, slots));
        }
    }

    /** mode game of t in s ∧ fewer than k games of t before (after) s. */
    private static BoolVar counted(SeasonModel m, int t, int s, int k, boolean first, BoolVar game, String mode) {
        String end = (first ? "first" : "last") + k + "_" + t + "_" + s;
        BoolVar within = m.shared("in" + end, () -> {
            BoolVar in = m.cp.newBoolVar("in" + end);
            IntVar others = first ? m.gamesBefore(t, s) : m.gamesAfter(t, s);
            m.cp.addLessOrEqual(others, k - 1).onlyEnforceIf(in);
            m.cp.addGreaterOrEqual(others, k).onlyEnforceIf(in.not());
            return in;
        });
        return m.shared(mode + end, () -> m.and(mode + end, within, game));
    }
}
