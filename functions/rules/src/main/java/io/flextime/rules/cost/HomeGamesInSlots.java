package io.flextime.rules.cost;

/**
 * Home games of listed pairings in some slots, counted from the home team's row, their total between
 * min and max: CA4 GLOBAL (the pairings between two groups) and GA1 (the listed meetings).
 */
public final class HomeGamesInSlots extends Total {
    private final int[] slotList;
    private final int[][] counted;

    /** {@code counted[h][a]}: what a game of h hosting a adds to the count. */
    public HomeGamesInSlots(boolean hard, double unit, int[] rows, boolean[] inSlots, int[][] counted, int min, int max, int n) {
        super(hard, unit, rows, min, max, n);
        this.slotList = indexes(inSlots);
        this.reads = inSlots;
        this.counted = counted;
    }

    @Override
    protected int rowCount(int t, int[][] opp, boolean[][] home) {
        int count = 0;
        int[] weight = counted[t];
        int[] o = opp[t];
        boolean[] h = home[t];
        for (int s : slotList) {
            if (h[s]) {
                count += weight[o[s]];
            }
        }
        return count;
    }

    @Override
    protected int countChange(int t, Change change) {
        int[] weight = counted[t];
        int delta = 0;
        for (int k = 0; k < change.count; k++) {
            int s = change.slots[k];
            if (reads[s]) {
                delta += (change.home[t][s] ? weight[change.opp[t][s]] : 0)
                        - (change.oldHome[t][s] ? weight[change.oldOpp[t][s]] : 0);
            }
        }
        return delta;
    }
}
