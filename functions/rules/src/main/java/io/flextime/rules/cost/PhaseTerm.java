package io.flextime.rules.cost;

/** Phased seasons: each pair meets once in each half; a pair meeting twice in one half is one unit, hard. */
final class PhaseTerm extends PerRow {
    private final int half;
    private final int[] seen;

    PhaseTerm(int[] everyTeam, int slots) {
        super(true, 0, everyTeam, everyTeam.length);
        this.half = slots / 2;
        this.seen = new int[everyTeam.length];
    }

    @Override
    protected int rowDeviation(int t, int[][] opp, boolean[][] home) {
        java.util.Arrays.fill(seen, 0);
        int dev = 0;
        int[] o = opp[t];
        for (int s = 0; s < half; s++) {
            if (o[s] > t && seen[o[s]]++ > 0) {
                dev++;
            }
        }
        java.util.Arrays.fill(seen, 0);
        for (int s = half; s < o.length; s++) {
            if (o[s] > t && seen[o[s]]++ > 0) {
                dev++;
            }
        }
        return dev;
    }
}
