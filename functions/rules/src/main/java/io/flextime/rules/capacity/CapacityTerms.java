package io.flextime.rules.capacity;

import static io.flextime.rules.cost.Term.indexes;
import static io.flextime.rules.cost.Term.mask;
import static io.flextime.rules.cost.Term.venue;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Ca1;
import io.flextime.core.rules.Ca2;
import io.flextime.core.rules.Ca3;
import io.flextime.core.rules.Ca4;
import io.flextime.rules.cost.Change;
import io.flextime.rules.cost.CountedRow;
import io.flextime.rules.cost.HomeGamesInSlots;
import io.flextime.rules.cost.Journal;
import io.flextime.rules.cost.Term;

/** The annealing's cost terms of CA1–CA4: counts kept per row (CA1, CA2), per window (CA3) or per slot (CA4 EVERY). */
final class CapacityTerms {
    private CapacityTerms() {
    }

    static Term ca1(SeasonIndex ix, SeasonConstraint c, Ca1 r, double unit) {
        return new CountInSlots(c.hard(), unit, ix.teams(r.teams(), c.id()), mask(ix.slotCount, ix.slots(r.slots(), c.id())), null,
                venue(r.mode()), r.min(), r.max(), ix.n);
    }

    static Term ca2(SeasonIndex ix, SeasonConstraint c, Ca2 r, double unit) {
        return new CountInSlots(c.hard(), unit, ix.teams(r.teams1(), c.id()), mask(ix.slotCount, ix.slots(r.slots(), c.id())),
                mask(ix.n, ix.teams(r.teams2(), c.id())), venue(r.mode()), r.min(), r.max(), ix.n);
    }

    static Term ca3(SeasonIndex ix, SeasonConstraint c, Ca3 r, double unit) {
        return new CountInWindows(c.hard(), unit, ix.teams(r.teams1(), c.id()), mask(ix.n, ix.teams(r.teams2(), c.id())),
                venue(r.mode()), r.intp(), r.min(), r.max(), ix.n);
    }

    static Term ca4(SeasonIndex ix, SeasonConstraint c, Ca4 r, double unit) {
        boolean[] t1 = mask(ix.n, ix.teams(r.teams1(), c.id()));
        boolean[] t2 = mask(ix.n, ix.teams(r.teams2(), c.id()));
        // counted[h][a]: a game of h at home against a counts (seen from the home team, as the evaluator counts it)
        int[][] counted = new int[ix.n][ix.n];
        boolean[] rows = new boolean[ix.n];
        for (int h = 0; h < ix.n; h++) {
            for (int a = 0; a < ix.n; a++) {
                if (h != a && r.counts(t1[h], t2[h], t1[a], t2[a])) {
                    counted[h][a] = 1;
                    rows[h] = true;
                }
            }
        }
        boolean[] inSlots = mask(ix.slotCount, ix.slots(r.slots(), c.id()));
        if (r.spread() == Ca4.Spread.EVERY) {
            return new HomeGamesPerSlot(c.hard(), unit, indexes(rows), inSlots, counted, r.min(), r.max(), ix.n, ix.slotCount);
        }
        return new HomeGamesInSlots(c.hard(), unit, indexes(rows), inSlots, counted, r.min(), r.max(), ix.n);
    }

    /** CA1 and CA2: a team's games (at a venue, against some teams) in some slots, between min and max. */
    static final class CountInSlots extends CountedRow {
        private final int[] slotList;
        private final boolean[] against;
        private final int venue;
        private final int min;
        private final int max;

        CountInSlots(boolean hard, double unit, int[] teams, boolean[] inSlots, boolean[] against, int venue, int min, int max, int n) {
            super(hard, unit, teams, n);
            this.slotList = indexes(inSlots);
            this.reads = inSlots;
            this.against = against;
            this.venue = venue;
            this.min = min;
            this.max = max;
        }

        @Override
        protected int count(int t, int[][] opp, boolean[][] home) {
            int count = 0;
            int[] o = opp[t];
            boolean[] h = home[t];
            for (int s : slotList) {
                count += game(o[s], h[s]);
            }
            return count;
        }

        private int game(int opponent, boolean atHome) {
            return counts(venue, atHome) && (against == null || against[opponent]) ? 1 : 0;
        }

        @Override
        protected int countChange(int t, Change change) {
            int delta = 0;
            for (int k = 0; k < change.count; k++) {
                int s = change.slots[k];
                if (reads[s]) {
                    delta += game(change.opp[t][s], change.home[t][s]) - game(change.oldOpp[t][s], change.oldHome[t][s]);
                }
            }
            return delta;
        }

        @Override
        protected int deviationOf(int count) {
            return outside(count, min, max);
        }
    }

    /** CA4 EVERY: in each of some slots, home games of listed pairings between min and max. */
    static final class HomeGamesPerSlot extends Term {
        private final boolean[] inSlots;
        private final int[][] counted;
        private final int min;
        private final int max;
        /** cell[t * slots + s]: what t's home game in s adds to slot s's count */
        private final int[] cell;
        private final int[] slotTotal;
        private final int slots;

        HomeGamesPerSlot(boolean hard, double unit, int[] rows, boolean[] inSlots, int[][] counted, int min, int max, int n, int slots) {
            super(hard, unit, rows);
            this.inSlots = inSlots;
            this.reads = inSlots;
            this.counted = counted;
            this.min = min;
            this.max = max;
            this.slots = slots;
            this.cell = new int[n * slots];
            this.slotTotal = new int[slots];
        }

        private int cellOf(int t, int s, int[][] opp, boolean[][] home) {
            return home[t][s] ? counted[t][opp[t][s]] : 0;
        }

        @Override
        protected void reset(int[][] opp, boolean[][] home) {
            java.util.Arrays.fill(slotTotal, 0);
            for (int t : rows) {
                for (int s = 0; s < slots; s++) {
                    if (inSlots[s]) {
                        cell[t * slots + s] = cellOf(t, s, opp, home);
                        slotTotal[s] += cell[t * slots + s];
                    }
                }
            }
            int dev = 0;
            for (int s = 0; s < slots; s++) {
                if (inSlots[s]) {
                    dev += outside(slotTotal[s], min, max);
                }
            }
            deviation[0] = dev;
        }

        @Override
        protected void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
            for (int s = 0; s < slots; s++) {
                if (inSlots[s]) {
                    cellChanged(t, s, opp, home, journal);
                }
            }
        }

        @Override
        protected void rowChangedIn(int t, Change change, Journal journal) {
            for (int k = 0; k < change.count; k++) {
                int s = change.slots[k];
                if (inSlots[s]) {
                    cellChanged(t, s, change.opp, change.home, journal);
                }
            }
        }

        private void cellChanged(int t, int s, int[][] opp, boolean[][] home, Journal journal) {
            int now = cellOf(t, s, opp, home);
            int before = cell[t * slots + s];
            if (now != before) {
                int totalBefore = slotTotal[s];
                int totalNow = totalBefore + now - before;
                journal.set(cell, t * slots + s, now);
                journal.set(slotTotal, s, totalNow);
                journal.set(deviation, 0, deviation[0] + outside(totalNow, min, max) - outside(totalBefore, min, max));
            }
        }
    }
}
