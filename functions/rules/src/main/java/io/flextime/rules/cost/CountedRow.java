package io.flextime.rules.cost;

/**
 * A row deviation that follows from one count of the row (CA1, CA2, BR1): the count is kept, so a
 * small move only counts what changed in its slots.
 */
public abstract class CountedRow extends PerRow {
    protected final int[] rowCount;

    protected CountedRow(boolean hard, double unit, int[] rows, int n) {
        super(hard, unit, rows, n);
        this.rowCount = new int[n];
    }

    protected abstract int count(int t, int[][] opp, boolean[][] home);

    /** How much the count of row t changed with {@code change}. */
    protected abstract int countChange(int t, Change change);

    protected abstract int deviationOf(int count);

    @Override
    protected final int rowDeviation(int t, int[][] opp, boolean[][] home) {
        return deviationOf(count(t, opp, home));
    }

    @Override
    protected void reset(int[][] opp, boolean[][] home) {
        int total = 0;
        for (int t : rows) {
            rowCount[t] = count(t, opp, home);
            rowDeviation[t] = deviationOf(rowCount[t]);
            total += rowDeviation[t];
        }
        deviation[0] = total;
    }

    @Override
    protected void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
        setCount(t, count(t, opp, home), journal);
    }

    @Override
    protected void rowChangedIn(int t, Change change, Journal journal) {
        setCount(t, rowCount[t] + countChange(t, change), journal);
    }

    private void setCount(int t, int now, Journal journal) {
        if (now != rowCount[t]) {
            journal.set(rowCount, t, now);
            setRowDeviation(t, deviationOf(now), journal);
        }
    }
}
