package io.flextime.rules.fairness;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Fa2;
import io.flextime.rules.cost.Change;
import io.flextime.rules.cost.Journal;
import io.flextime.rules.cost.Term;

/**
 * FA2's cost term: for each pair of the teams, the difference of their home games played so far, at
 * every listed slot, at most intp; a pair's deviation is its worst excess. Each row keeps its home games
 * so far at the listed slots; a changed row rescores the pairs it is in (a pair of two changed rows
 * twice, to the same value).
 */
final class HomeBalance extends Term {
    private final int[] checked;
    private final int most;
    private final int n;
    private final int[] pairDeviation;
    /** homeSoFar[t * checked.length + k]: t's home games up to and including slot checked[k] */
    private final int[] homeSoFar;

    static Term fa2(SeasonIndex ix, SeasonConstraint c, Fa2 r, double unit) {
        return new HomeBalance(c.hard(), unit, ix.teams(r.teams(), c.id()), mask(ix.slotCount, ix.slots(r.slots(), c.id())),
                r.intp(), ix.n);
    }

    HomeBalance(boolean hard, double unit, int[] teams, boolean[] inSlots, int most, int n) {
        super(hard, unit, teams);
        this.checked = indexes(inSlots);
        this.reads = new boolean[inSlots.length];
        for (int s = inSlots.length - 1, last = -1; s >= 0; s--) {
            last = inSlots[s] ? s : last;
            reads[s] = last >= 0; // home games so far count at every later listed slot
        }
        this.most = most;
        this.n = n;
        this.pairDeviation = new int[n * n];
        this.homeSoFar = new int[n * checked.length];
    }

    /** Recounts t's home games so far; true when they changed. */
    private boolean count(int t, boolean[] h, Journal journal) {
        boolean changed = false;
        int so = 0;
        int s = 0;
        for (int k = 0; k < checked.length; k++) {
            for (; s <= checked[k]; s++) {
                so += h[s] ? 1 : 0;
            }
            changed |= homeSoFar[t * checked.length + k] != so;
            if (journal == null) {
                homeSoFar[t * checked.length + k] = so;
            } else {
                journal.set(homeSoFar, t * checked.length + k, so);
            }
        }
        return changed;
    }

    private int pair(int i, int j) {
        int worst = 0;
        int a = i * checked.length;
        int b = j * checked.length;
        for (int k = 0; k < checked.length; k++) {
            worst = Math.max(worst, Math.abs(homeSoFar[a + k] - homeSoFar[b + k]) - most);
        }
        return worst;
    }

    @Override
    protected void reset(int[][] opp, boolean[][] home) {
        for (int t : rows) {
            count(t, home[t], null);
        }
        int dev = 0;
        for (int a = 0; a < rows.length; a++) {
            for (int b = a + 1; b < rows.length; b++) {
                int i = Math.min(rows[a], rows[b]);
                int j = Math.max(rows[a], rows[b]);
                pairDeviation[i * n + j] = pair(i, j);
                dev += pairDeviation[i * n + j];
            }
        }
        deviation[0] = dev;
    }

    /** Only venues count: a change of opponents alone changes nothing. */
    @Override
    protected void rowChangedIn(int t, Change change, Journal journal) {
        for (int k = 0; k < change.count; k++) {
            int s = change.slots[k];
            if (change.home[t][s] != change.oldHome[t][s]) {
                rowChanged(t, change.opp, change.home, journal);
                return;
            }
        }
    }

    @Override
    protected void rowChanged(int t, int[][] opp, boolean[][] home, Journal journal) {
        if (!count(t, home[t], journal)) {
            return;
        }
        for (int other : rows) {
            if (other == t) {
                continue;
            }
            int i = Math.min(t, other);
            int j = Math.max(t, other);
            int now = pair(i, j);
            int before = pairDeviation[i * n + j];
            if (now != before) {
                journal.set(pairDeviation, i * n + j, now);
                journal.set(deviation, 0, deviation[0] + now - before);
            }
        }
    }
}
