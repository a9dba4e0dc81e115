package io.flextime.rules.cost;

/** A deviation that is the sum of each row's own deviation (CA1, CA2, CA3, BR1, SE1, the phase). */
public abstract class PerRow extends Term {
    protected final int[] rowDeviation;

    protected PerRow(boolean hard, double unit, int[] rows, int n) {
        super(hard, unit, rows);
        this.rowDeviation = new int[n];
    }

    protected abstract int rowDeviation(int t, int[][] opp, boolean[][] home);

    @Override
    protected int brokenRow(java.util.SplittableRandom random) {
        int chosen = rows[0];
        int seen = 0;
        for (int t : rows) {
            if (rowDeviation[t] > 0 && random.nextInt(++seen) == 0) {
                chosen = t;
            }
        }
        return chosen;
    }

    @Override
    protected void reset(int[][] opp, boolean[][] home) {
        int total = 0;
        for (int t : rows) {
            rowDeviation[t] = rowDeviation(t, opp, home);
            total += rowDeviation[t];
        }
        deviation[0] = total;
    }

    @Override
    protected void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
        setRowDeviation(t, rowDeviation(t, opp, home), journal);
    }

    protected final void setRowDeviation(int t, int now, Journal journal) {
        int before = rowDeviation[t];
        if (now != before) {
            journal.set(rowDeviation, t, now);
            journal.set(deviation, 0, deviation[0] + now - before);
        }
    }
}
