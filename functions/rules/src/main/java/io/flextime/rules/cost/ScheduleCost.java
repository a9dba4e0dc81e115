package io.flextime.rules.cost;

/**
 * What the solver's annealing minimizes, kept up to date row by row: a soft part in objective units and
 * a hard deviation. Rows are teams: {@code opp[t][s]} is t's opponent in slot s, {@code home[t][s]}
 * whether t hosts. The annealing changes a few teams' rows (opponent and venue of each
 * slot), asks for those rows to be rescored, then either accepts the move or undoes it.
 */
public interface ScheduleCost {
    /** Scores the whole schedule from scratch (forgets any pending move). */
    void reset(int[][] opp, boolean[][] home);

    /**
     * Rows {@code rows[0..count)} changed, in slots {@code slots[0..slotCount)} only: rescore them,
     * remembering the scores before for {@link #undo}. {@code oldOpp} and {@code oldHome} hold the changed
     * rows as they were before the move (other rows there are stale), so a cost may score the change alone.
     */
    void rescore(int[][] opp, boolean[][] home, int[][] oldOpp, boolean[][] oldHome, int[] rows, int count, int[] slots,
            int slotCount);

    /**
     * Whether the soft part is scored (then the whole schedule is rescored). Off, {@link #soft} is 0 and
     * only hard rules count: for a search that wants feasibility first. On by default.
     */
    default void scoreSoft(boolean on, int[][] opp, boolean[][] home) {
        if (!on) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " always scores its soft part");
        }
    }

    /**
     * A team and slot that some broken hard rule reads, drawn at random, into {@code spot[0..1]}; false
     * when the cost cannot say (then moves are drawn blindly).
     */
    default boolean brokenSpot(java.util.SplittableRandom random, int[] spot) {
        return false;
    }

    /** Whether the last rescored move broke the season's structure (no move at all: the search undoes it). */
    default boolean breaksStructure() {
        return false;
    }

    /** Keeps the last rescore. */
    void accept();

    /** Back to the scores before the last rescore (the caller restores the rows). */
    void undo();

    /** The soft part: the season's objective of the current schedule, in its units. */
    double soft();

    /** Total deviation from the hard rules; 0 means the current schedule keeps them all. */
    int hard();

    /**
     * A typical change of {@link #soft} by one move, which sets the temperatures; 0 when the cost cannot
     * say and the annealing should measure it on sample moves.
     */
    double scale();

    /** Whether the season is phased: each pair meets once in each half, so whole rounds only swap within a half. */
    boolean phased();
}
