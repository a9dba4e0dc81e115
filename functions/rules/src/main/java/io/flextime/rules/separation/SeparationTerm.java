package io.flextime.rules.separation;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Se1;
import io.flextime.rules.cost.PerRow;
import io.flextime.rules.cost.Term;

/** SE1's cost term: two meetings of a pair at least {@code min} slots apart; each pair scored by its lower-numbered team. */
final class SeparationTerm extends PerRow {
    private final boolean[] member;
    private final int min;
    private final int[] seen;

    static Term se1(SeasonIndex ix, SeasonConstraint c, Se1 r, double unit) {
        return new SeparationTerm(c.hard(), unit, ix.teams(r.teams(), c.id()), r.min(), ix.n);
    }

    SeparationTerm(boolean hard, double unit, int[] teams, int min, int n) {
        super(hard, unit, teams, n);
        this.member = mask(n, teams);
        this.min = min;
        this.seen = new int[n];
    }

    @Override
    protected int rowDeviation(int t, int[][] opp, boolean[][] home) {
        java.util.Arrays.fill(seen, -1);
        int dev = 0;
        int[] o = opp[t];
        for (int s = 0; s < o.length; s++) {
            int j = o[s];
            if (j > t && member[j]) {
                if (seen[j] >= 0) {
                    dev += Math.max(0, min - (s - seen[j] - 1));
                }
                seen[j] = s;
            }
        }
        return dev;
    }
}
