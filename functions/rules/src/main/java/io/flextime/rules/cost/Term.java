package io.flextime.rules.cost;

/**
 * One constraint's share of the cost. {@code deviation[0]} is its deviation (an array so the journal
 * can restore it); {@code rows} are the teams whose rows it reads. Every change of a term's state goes
 * through the {@link Journal}, so a move is undone by replaying it.
 */
public abstract class Term {
    protected final boolean hard;
    protected final double unit;
    protected final int[] rows;
    protected final int[] deviation = new int[1];
    /** The slots whose games the term reads; null: all. */
    protected boolean[] reads;
    boolean[] hasRow;
    int id;
    String constraintId;

    protected Term(boolean hard, double unit, int[] rows) {
        this.hard = hard;
        this.unit = unit;
        this.rows = rows;
    }

    /** Scores the whole schedule (no journal: nothing to undo). */
    protected abstract void reset(int[][] opp, boolean[][] home);

    /** One of its rows; {@link PerRow} picks one with a deviation. */
    protected int brokenRow(java.util.SplittableRandom random) {
        return rows[random.nextInt(rows.length)];
    }

    /** One of the slots it reads. */
    int readSlot(java.util.SplittableRandom random, int slots) {
        if (reads == null) {
            return random.nextInt(slots);
        }
        int chosen = 0;
        int seen = 0;
        for (int s = 0; s < reads.length; s++) {
            if (reads[s] && random.nextInt(++seen) == 0) {
                chosen = s;
            }
        }
        return chosen;
    }

    /** Row t changed anywhere: rescore it. */
    protected abstract void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal);

    /** Row t changed in {@code change.slots} only: by default rescored whole. */
    protected void rowChangedIn(int t, Change change, Journal journal) {
        rowChanged(t, change.opp, change.home, journal);
    }

    /** 1: home games only, 2: away games only, 3: both (an int, for the inner loops). */
    public static int venue(io.flextime.core.rules.Mode mode) {
        return switch (mode) {
            case H -> 1;
            case A -> 2;
            case HA -> 3;
        };
    }

    public static boolean counts(int venue, boolean atHome) {
        return (venue & (atHome ? 1 : 2)) != 0;
    }

    public static int outside(int count, int min, int max) {
        return Math.max(0, count - max) + Math.max(0, min - count);
    }

    public static boolean[] mask(int size, int[] members) {
        boolean[] m = new boolean[size];
        for (int x : members) {
            m[x] = true;
        }
        return m;
    }

    public static int[] indexes(boolean[] mask) {
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[k++] = i;
            }
        }
        return out;
    }
}
