package io.flextime.rules.cost;

/** A deviation of the total over rows, between min and max (CA4 GLOBAL, GA1, BR2). */
public abstract class Total extends Term {
    protected final int[] rowCount;
    protected final int[] total = new int[1];
    protected final int min;
    protected final int max;

    protected Total(boolean hard, double unit, int[] rows, int min, int max, int n) {
        super(hard, unit, rows);
        this.rowCount = new int[n];
        this.min = min;
        this.max = max;
    }

    protected abstract int rowCount(int t, int[][] opp, boolean[][] home);

    @Override
    protected void reset(int[][] opp, boolean[][] home) {
        int sum = 0;
        for (int t : rows) {
            rowCount[t] = rowCount(t, opp, home);
            sum += rowCount[t];
        }
        total[0] = sum;
        deviation[0] = outside(sum, min, max);
    }

    /** How much row t's count changed with {@code change} (a small move). */
    protected abstract int countChange(int t, Change change);

    @Override
    protected void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
        setRowCount(t, rowCount(t, opp, home), journal);
    }

    @Override
    protected void rowChangedIn(int t, Change change, Journal journal) {
        setRowCount(t, rowCount[t] + countChange(t, change), journal);
    }

    private void setRowCount(int t, int now, Journal journal) {
        int before = rowCount[t];
        if (now != before) {
            journal.set(rowCount, t, now);
            journal.set(total, 0, total[0] + now - before);
            journal.set(deviation, 0, outside(total[0], min, max));
        }
    }
}
