package io.flextime.solve.model;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.core.model.SeasonFormat.TravelMode;
import io.flextime.core.model.ConstraintParams;

/**
 * The independent lower bound of the TTP literature (Easton, Nemhauser, Trick): in a double round robin
 * each team visits every opponent's venue exactly once, on road trips of at most K away games, so its
 * travel is at least the cheapest split of its opponents into trips of ≤ K venues, each trip routed
 * optimally from home and back. Adding "travel of t ≥ that bound" is redundant for the schedules but
 * lifts the LP bound from a few tens of percent below the optimum to a few percent.
 *
 * <p>K comes from a hard MAX_ROAD_TRIP or, in a compact season (no byes that could split a window), a
 * hard CA3 "at most K away games in every K+1 slots against everyone" covering the team; computed only for K ≤ 4 and at most 20 opponents (otherwise 0, no bound).
 */
public final class TravelLowerBound {
    private static final int MAX_TRIP = 4;
    private static final int MAX_OPPONENTS = 20;

    private TravelLowerBound() {
    }

    /** Metres team t travels at least; 0 when no bound applies. */
    public static long of(SeasonIndex ix, int t) {
        if (ix.metres == null || ix.season.format().roundRobin() != RoundRobin.DOUBLE || !ix.season.matchups().isEmpty()
                || ix.season.format().travel() != TravelMode.VENUE_TO_VENUE || ix.n - 1 > MAX_OPPONENTS) {
            return 0;
        }
        int k = maxTrip(ix, t);
        if (k < 1 || k > MAX_TRIP) {
            return 0;
        }
        int[] opponents = new int[ix.n - 1];
        for (int o = 0, i = 0; o < ix.n; o++) {
            if (o != t) {
                opponents[i++] = o;
            }
        }
        int m = opponents.length;
        long[] trip = new long[1 << m];
        java.util.Arrays.fill(trip, Long.MAX_VALUE);
        for (int mask = 1; mask < (1 << m); mask++) {
            if (Integer.bitCount(mask) <= k) {
                trip[mask] = bestRoute(ix.metres, t, opponents, mask);
            }
        }
        long[] best = new long[1 << m];
        for (int mask = 1; mask < (1 << m); mask++) {
            int low = Integer.lowestOneBit(mask);
            int rest = mask & ~low;
            long value = Long.MAX_VALUE;
            // every trip containing the lowest remaining venue: low plus a subset of rest of size < k
            for (int sub = rest;; sub = (sub - 1) & rest) {
                if (Integer.bitCount(sub) < k) {
                    int tripMask = sub | low;
                    long candidate = trip[tripMask] + best[mask & ~tripMask];
                    value = Math.min(value, candidate);
                }
                if (sub == 0) {
                    break;
                }
            }
            best[mask] = value;
        }
        return best[(1 << m) - 1];
    }

    private static long bestRoute(long[][] d, int home, int[] opponents, int mask) {
        int[] stops = new int[Integer.bitCount(mask)];
        for (int i = 0, j = 0; i < opponents.length; i++) {
            if ((mask & (1 << i)) != 0) {
                stops[j++] = opponents[i];
            }
        }
        return permute(d, home, stops, 0);
    }

    private static long permute(long[][] d, int home, int[] stops, int from) {
        if (from == stops.length) {
            long cost = d[home][stops[0]] + d[stops[stops.length - 1]][home];
            for (int i = 0; i + 1 < stops.length; i++) {
                cost += d[stops[i]][stops[i + 1]];
            }
            return cost;
        }
        long best = Long.MAX_VALUE;
        for (int i = from; i < stops.length; i++) {
            swap(stops, from, i);
            best = Math.min(best, permute(d, home, stops, from + 1));
            swap(stops, from, i);
        }
        return best;
    }

    private static void swap(int[] a, int i, int j) {
        int x = a[i];
        a[i] = a[j];
        a[j] = x;
    }

    /** The longest road trip the hard constraints allow team t, or -1 when they do not limit it. */
    static int maxTrip(SeasonIndex ix, int t) {
        int best = -1;
        for (SeasonConstraint c : ix.season.constraints()) {
            if (!c.hard()) {
                continue;
            }
            ConstraintParams p = new ConstraintParams(c);
            int limit = -1;
            if (c.type() == ConstraintType.MAX_ROAD_TRIP && covers(ix, p.strings("teams"), t, c)) {
                limit = p.integer("max");
            } else if (ix.season.format().compact() && c.type() == ConstraintType.CA3 && "A".equals(p.text("mode1", "HA")) && covers(ix, p.strings("teams1"), t, c)
                    && ix.teams(p.strings("teams2"), c.id()).length >= ix.n - 1 && p.integer("max", Integer.MAX_VALUE) == p.integer("intp") - 1) {
                limit = p.integer("max");
            }
            if (limit >= 0 && (best < 0 || limit < best)) {
                best = limit;
            }
        }
        return best;
    }

    private static boolean covers(SeasonIndex ix, java.util.List<String> teams, int t, SeasonConstraint c) {
        for (int x : ix.teams(teams, c.id())) {
            if (x == t) {
                return true;
            }
        }
        return false;
    }
}
