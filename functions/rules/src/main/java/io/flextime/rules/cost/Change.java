package io.flextime.rules.cost;

/**
 * A small move: the rows now and before, and the few slots where they differ. Its fields are read
 * directly in the terms' inner loops (the annealing's hot path); only {@link ConstraintCost} sets them.
 */
public final class Change {
    public int[][] opp;
    public boolean[][] home;
    public int[][] oldOpp;
    public boolean[][] oldHome;
    public int[] slots;
    public int count;

    Change of(int[][] opp, boolean[][] home, int[][] oldOpp, boolean[][] oldHome, int[] slots, int count) {
        this.opp = opp;
        this.home = home;
        this.oldOpp = oldOpp;
        this.oldHome = oldHome;
        this.slots = slots;
        this.count = count;
        return this;
    }

    /** Whether slot s is among the changed ones before index k (so a position reached from both is scored once). */
    public boolean changedBefore(int s, int k) {
        for (int j = 0; j < k; j++) {
            if (slots[j] == s) {
                return true;
            }
        }
        return false;
    }
}
