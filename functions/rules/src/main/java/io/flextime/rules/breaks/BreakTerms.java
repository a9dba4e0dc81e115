package io.flextime.rules.breaks;

import static io.flextime.rules.cost.Term.indexes;
import static io.flextime.rules.cost.Term.mask;
import static io.flextime.rules.cost.Term.venue;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Br1;
import io.flextime.core.rules.Br2;
import io.flextime.rules.cost.Change;
import io.flextime.rules.cost.CountedRow;
import io.flextime.rules.cost.Term;
import io.flextime.rules.cost.Total;

/**
 * The annealing's cost terms of BR1 and BR2: breaks counted per row. A break in slot s reads s and s − 1,
 * so a change in s can only make or end the breaks in s and s + 1.
 */
final class BreakTerms {
    private BreakTerms() {
    }

    static Term br1(SeasonIndex ix, SeasonConstraint c, Br1 r, double unit) {
        return new BreaksPerTeam(c.hard(), unit, ix.teams(r.teams(), c.id()), mask(ix.slotCount, ix.slots(r.slots(), c.id())),
                venue(r.mode()), r.intp(), ix.n);
    }

    static Term br2(SeasonIndex ix, SeasonConstraint c, Br2 r, double unit) {
        return new TotalBreaks(c.hard(), unit, ix.teams(r.teams(), c.id()), mask(ix.slotCount, ix.slots(r.slots(), c.id())),
                r.intp(), ix.n);
    }

    /** BR1: a team's breaks (home or away, as the slot before) in some slots, at most intp. */
    static final class BreaksPerTeam extends CountedRow {
        private final boolean[] at;
        private final int[] inSlots;
        private final int venue;
        private final int most;

        BreaksPerTeam(boolean hard, double unit, int[] teams, boolean[] inSlots, int venue, int most, int n) {
            super(hard, unit, teams, n);
            this.at = inSlots;
            this.inSlots = indexes(inSlots);
            this.reads = withPrevious(inSlots);
            this.venue = venue;
            this.most = most;
        }

        @Override
        protected int count(int t, int[][] opp, boolean[][] home) {
            return breaks(home[t], inSlots, venue);
        }

        @Override
        protected int countChange(int t, Change change) {
            return breaksChange(change.oldHome[t], change.home[t], at, venue, change);
        }

        @Override
        protected int deviationOf(int count) {
            return Math.max(0, count - most);
        }
    }

    /** BR2: the teams' breaks in some slots, together at most intp. */
    static final class TotalBreaks extends Total {
        private final boolean[] at;
        private final int[] inSlots;

        TotalBreaks(boolean hard, double unit, int[] teams, boolean[] inSlots, int most, int n) {
            super(hard, unit, teams, 0, most, n);
            this.at = inSlots;
            this.inSlots = indexes(inSlots);
            this.reads = withPrevious(inSlots);
        }

        @Override
        protected int rowCount(int t, int[][] opp, boolean[][] home) {
            return breaks(home[t], inSlots, 3);
        }

        @Override
        protected int countChange(int t, Change change) {
            return breaksChange(change.oldHome[t], change.home[t], at, 3, change);
        }
    }

    /** The slots and the slot before each: a break in s reads s and s - 1. */
    static boolean[] withPrevious(boolean[] inSlots) {
        boolean[] out = inSlots.clone();
        for (int s = 1; s < inSlots.length; s++) {
            out[s - 1] |= inSlots[s];
        }
        return out;
    }

    /**
     * How many more breaks {@code after} has than {@code before} in the slots {@code at}, where they differ
     * only in the changed slots: a change in s can only make or end the breaks in s and s + 1.
     */
    static int breaksChange(boolean[] before, boolean[] after, boolean[] at, int venue, Change change) {
        int delta = 0;
        for (int k = 0; k < change.count; k++) {
            // a break in p reads p - 1 and p: scored at the first changed slot that is either
            for (int p = change.slots[k]; p <= change.slots[k] + 1 && p < at.length; p++) {
                if (at[p] && !change.changedBefore(p, k) && !change.changedBefore(p - 1, k)) {
                    delta += isBreak(after, p, venue) - isBreak(before, p, venue);
                }
            }
        }
        return delta;
    }

    private static int isBreak(boolean[] home, int s, int venue) {
        return s > 0 && home[s] == home[s - 1] && Term.counts(venue, home[s]) ? 1 : 0;
    }

    /** Breaks in the listed slots (ascending): same venue as in the slot before. */
    static int breaks(boolean[] home, int[] slotList, int venue) {
        int count = 0;
        for (int s : slotList) {
            if (s > 0 && home[s] == home[s - 1] && Term.counts(venue, home[s])) {
                count++;
            }
        }
        return count;
    }
}
