package io.flextime.solve.engine;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.core.model.SeasonIndex;
import java.util.ArrayList;
import java.util.List;

/** The textbook constructive schedule: a start for the annealing when nothing better is at hand. */
final class CircleMethod {
    private CircleMethod() {
    }

    /**
     * A compact double round robin of an even number of teams by the circle method: team n-1 fixed, the
     * others rotating; the second half repeats the first with venues swapped (so it is also phased).
     */
    static List<Assignment> schedule(SeasonIndex ix) {
        int n = ix.n;
        int half = n - 1;
        List<Assignment> games = new ArrayList<>();
        for (int r = 0; r < half; r++) {
            for (int k = 0; k < n / 2; k++) {
                int a = k == 0 ? n - 1 : (r + k) % half;
                int b = (r + half - k) % half;
                if (k == 0) {
                    b = r % half;
                }
                boolean aHome = (r + k) % 2 == 0;
                int h = aHome ? a : b;
                int w = aHome ? b : a;
                games.add(new Assignment(ix.slotIndex(r), ix.teamId(h), ix.teamId(w)));
                games.add(new Assignment(ix.slotIndex(r + half), ix.teamId(w), ix.teamId(h)));
            }
        }
        return games;
    }

}
