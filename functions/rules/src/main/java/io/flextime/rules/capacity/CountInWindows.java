package io.flextime.rules.capacity;

import io.flextime.rules.cost.Change;
import io.flextime.rules.cost.Journal;
import io.flextime.rules.cost.PerRow;

/** CA3's cost term: in every run of {@code window} consecutive slots, a team's games against some teams between min and max. */
final class CountInWindows extends PerRow {
    private final boolean[] against;
    private final int venue;
    private final int window;
    private final int min;
    private final int max;

    CountInWindows(boolean hard, double unit, int[] teams, boolean[] against, int venue, int window, int min, int max, int n) {
        super(hard, unit, teams, n);
        this.against = against;
        this.venue = venue;
        this.window = window;
        this.min = min;
        this.max = max;
    }

    @Override
    protected int rowDeviation(int t, int[][] opp, boolean[][] home) {
        int[] o = opp[t];
        boolean[] h = home[t];
        int dev = 0;
        int count = 0;
        for (int s = 0; s < o.length; s++) {
            count += counts(venue, h[s]) && against[o[s]] ? 1 : 0;
            if (s >= window) {
                count -= counts(venue, h[s - window]) && against[o[s - window]] ? 1 : 0;
            }
            if (s >= window - 1) {
                dev += outside(count, min, max);
            }
        }
        return dev;
    }

    /**
     * Only the windows through a changed slot whose game counts differently now, each window once,
     * counted before and after (most changes swap games the term counts alike: nothing to do).
     */
    @Override
    protected void rowChangedIn(int t, Change change, Journal journal) {
        int[] o = change.opp[t];
        boolean[] h = change.home[t];
        int[] oldO = change.oldOpp[t];
        boolean[] oldH = change.oldHome[t];
        boolean any = false;
        for (int k = 0; k < change.count && !any; k++) {
            int s = change.slots[k];
            any = game(o[s], h[s]) != game(oldO[s], oldH[s]);
        }
        if (!any) {
            return;
        }
        int slots = o.length;
        int delta = 0;
        for (int k = 0; k < change.count; k++) {
            int s = change.slots[k];
            if (game(o[s], h[s]) == game(oldO[s], oldH[s])) {
                continue;
            }
            for (int w = Math.max(0, s - window + 1); w <= Math.min(s, slots - window); w++) {
                if (!windowSeenBefore(change, k, w, o, h, oldO, oldH)) {
                    delta += outside(windowCount(o, h, w), min, max) - outside(windowCount(oldO, oldH, w), min, max);
                }
            }
        }
        if (delta != 0) {
            setRowDeviation(t, rowDeviation[t] + delta, journal);
        }
    }

    private int game(int opponent, boolean atHome) {
        return counts(venue, atHome) && against[opponent] ? 1 : 0;
    }

    /** Whether window w holds a slot listed before index k whose count changed (then it was scored there). */
    private boolean windowSeenBefore(Change change, int k, int w, int[] o, boolean[] h, int[] oldO, boolean[] oldH) {
        for (int j = 0; j < k; j++) {
            int s = change.slots[j];
            if (s >= w && s < w + window && game(o[s], h[s]) != game(oldO[s], oldH[s])) {
                return true;
            }
        }
        return false;
    }

    private int windowCount(int[] o, boolean[] h, int w) {
        int count = 0;
        for (int s = w; s < w + window; s++) {
            count += game(o[s], h[s]);
        }
        return count;
    }
}
