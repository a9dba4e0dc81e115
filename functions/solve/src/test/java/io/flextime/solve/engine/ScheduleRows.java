package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.core.model.SeasonIndex;
import java.util.List;

/** A compact schedule as rows, as the annealing holds it: each team's opponent and home flag in each slot (tests). */
record ScheduleRows(int[][] opp, boolean[][] home) {
    static ScheduleRows of(SeasonIndex ix, List<Assignment> games) {
        int[][] opp = new int[ix.n][ix.slotCount];
        boolean[][] home = new boolean[ix.n][ix.slotCount];
        for (Assignment g : games) {
            int s = ix.slot(g.slot(), "test");
            int h = ix.team(g.home(), "test");
            int a = ix.team(g.away(), "test");
            opp[h][s] = a;
            home[h][s] = true;
            opp[a][s] = h;
        }
        return new ScheduleRows(opp, home);
    }
}
