package io.flextime.solve.model;

import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.RuleFamilies;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.core.model.SeasonFormat.TravelMode;
import java.util.Arrays;

/**
 * The independent lower bound of the TTP literature (Easton, Nemhauser, Trick) of each team's travel,
 * as {@link TravelObjective} and the evaluator count it: the team on its own, ignoring everybody else's
 * schedule, must visit the venues where it plays away, on road trips of at most K away games (a hard
 * MAX_ROAD_TRIP, or a hard CA3 window rule in a compact season), each trip leaving from home and coming
 * back. Hand-written: no library computes this bound (it is a small DP over subsets of venues).
 *
 * <p>Which venues: DOUBLE or explicit matchups fix them; PARTIAL fixes only how many (each opponent's
 * venue at most once, ⌊gamesPerTeam/2⌋ or ⌈gamesPerTeam/2⌉ away games), so the bound is the minimum over
 * every such set; SINGLE fixes neither (a team may host all its games): no bound. RETURN_HOME travel is a
 * sum of round trips, exact for a fixed set, the cheapest ones for PARTIAL.
 *
 * <p>Venue to venue, per team, by its number m of candidate venues and its trip limit K (none: K = m):
 * <ul>
 *   <li>m ≤ {@value #EXACT_VENUES} and at most {@value #MAX_PARTITION_STEPS} partition steps: exact — the
 *       cheapest route of every subset of ≤ K venues (Held–Karp), then the cheapest split of the venues into
 *       such trips. On the real legs when each venue is visited once (the trips then partition the set); with
 *       repeated visits (matchups meeting twice) on the shortest-path closure of the matrix, where dropping a
 *       repeated visit never costs more;</li>
 *   <li>m ≤ {@value #EXACT_VENUES}, more steps (a long trip limit on 16 venues): one tour of the venues on the
 *       closure, the trip limit dropped (with the triangle inequality one tour is never dearer than several);</li>
 *   <li>m > {@value #EXACT_VENUES}: every visited venue is entered by one leg and left by another, so travel ≥
 *       Σ ½ (cheapest leg in + cheapest leg out) over the venues (the cheapest such venues for PARTIAL).</li>
 * </ul>
 */
public final class TravelLowerBound {
    static final int EXACT_VENUES = 16;
    static final long MAX_PARTITION_STEPS = 10_000_000L;

    /** How a team's bound was obtained (for statistics and tests). */
    public enum Method { NONE, EXACT, SINGLE_TOUR, PER_VENUE, RETURN_HOME }

    /** A team's bound in metres. */
    public record TeamBound(long metres, Method method) {
        static final TeamBound NONE = new TeamBound(0, Method.NONE);
    }

    /**
     * The venues team t visits: between {@code atLeast} and {@code atMost} distinct ones among
     * {@code candidates} (team indexes); {@code gamesAt[o]} games at o's venue when the set is fixed.
     */
    record AwaySet(int[] candidates, int atLeast, int atMost, long[] gamesAt) {
        boolean fixed() {
            return atLeast == candidates.length;
        }

        /** Every venue visited at most once: then the trips partition the venues (no closure needed). */
        boolean onceEach() {
            return Arrays.stream(candidates).allMatch(o -> gamesAt[o] <= 1);
        }
    }

    private TravelLowerBound() {
    }

    /** Every team's bound, in team order. */
    public static TeamBound[] perTeam(SeasonIndex ix) {
        TeamBound[] all = new TeamBound[ix.n];
        for (int t = 0; t < ix.n; t++) {
            all[t] = team(ix, t);
        }
        return all;
    }

    /** The total bound in objective units (weights.travel × km); travel is the only part bounded, penalties count 0. */
    public static double objective(Season season, ObjectiveWeights weights) {
        if (weights.travel() <= 0) {
            return 0.0;
        }
        return weights.travel() * total(new SeasonIndex(season)) / 1000.0;
    }

    /**
     * Metres all teams together travel at least: Σ of the teams' own bounds, or the {@link AwaySetBound} that
     * couples their choice of away venues when it is higher (OR-Tools' natives must be loaded). Kept per
     * season: a solve asks twice (its reported bound, the model's cut), and the coupled bound takes 0.2 s on
     * the Big 12.
     */
    public static long total(SeasonIndex ix) {
        synchronized (TOTALS) {
            Long known = TOTALS.get(ix.season);
            if (known != null) {
                return known;
            }
        }
        long independent = 0;
        for (TeamBound b : perTeam(ix)) {
            independent += b.metres();
        }
        long total = Math.max(independent, AwaySetBound.metres(ix));
        synchronized (TOTALS) {
            TOTALS.put(ix.season, total);
        }
        return total;
    }

    private static final java.util.Map<Season, Long> TOTALS = new java.util.WeakHashMap<>();

    /** Metres team t travels at least, and how that was found; 0 (NONE) when no bound applies. */
    public static TeamBound team(SeasonIndex ix, int t) {
        if (ix.metres() == null) {
            return TeamBound.NONE;
        }
        AwaySet away = awaySet(ix, t);
        if (away == null || away.atLeast() == 0) {
            return TeamBound.NONE;
        }
        if (ix.season.format().travel() == TravelMode.RETURN_HOME) {
            return new TeamBound(returnHome(ix.metres(), t, away), Method.RETURN_HOME);
        }
        int m = away.candidates().length;
        if (m > EXACT_VENUES) {
            return new TeamBound(perVenue(ix.metres(), t, away), Method.PER_VENUE);
        }
        VisitTable visits = visitTable(ix, t, away);
        if (visits == null) {
            return TeamBound.NONE; // no away game allowed at all: the season is infeasible, nothing to bound
        }
        return new TeamBound(bestOver(away, visits.value()), visits.method());
    }

    /** value[mask]: the least travel of a team visiting the venues in mask (over its candidates), and how it is found. */
    record VisitTable(long[] value, Method method) {
    }

    /**
     * Venue to venue, at most {@link #EXACT_VENUES} candidates: exact (trips of at most the team's limit K), or
     * with too many splits to try one tour on the closure (no trip limit, below any set of trips); null when K
     * is 0 (no away game allowed).
     */
    static VisitTable visitTable(SeasonIndex ix, int t, AwaySet away) {
        int m = away.candidates().length;
        int k = maxTrip(ix, t);
        if (k == 0) {
            return null;
        }
        int stops = k < 0 ? m : Math.min(k, m);
        if (partitionSteps(m, stops) <= MAX_PARTITION_STEPS) {
            // each venue once: real trips partition the set, on the real legs; repeated visits: on the closure
            long[][] d = away.onceEach() ? ix.metres() : closure(ix.metres());
            return new VisitTable(partitions(routes(d, t, away.candidates(), stops), m, stops), Method.EXACT);
        }
        return new VisitTable(routes(closure(ix.metres()), t, away.candidates(), m), Method.SINGLE_TOUR);
    }

    /**
     * Team t's candidate venues and the least travel of every set of them it may visit (the tables of
     * {@link #team}), for a season whose away venues the solver chooses (PARTIAL, SINGLE). Null when the
     * format or the matchups fix the set, or when the tables would be too large.
     */
    static AwaySetBound.TeamSets admissibleSets(SeasonIndex ix, int t) {
        AwaySet away = ix.metres() == null ? null : awaySet(ix, t);
        if (away == null || away.fixed() || away.candidates().length > EXACT_VENUES) {
            return null;
        }
        int[] c = away.candidates();
        long[] value;
        if (ix.season.format().travel() == TravelMode.RETURN_HOME) {
            value = new long[1 << c.length];
            for (int mask = 1; mask < value.length; mask++) {
                int b = Integer.numberOfTrailingZeros(mask);
                value[mask] = value[mask & (mask - 1)] + ix.metres()[t][c[b]] + ix.metres()[c[b]][t];
            }
        } else {
            VisitTable visits = visitTable(ix, t, away);
            if (visits == null) {
                return null;
            }
            value = visits.value();
        }
        boolean[] admissible = new boolean[value.length];
        for (int mask = 0; mask < value.length; mask++) {
            int size = Integer.bitCount(mask);
            admissible[mask] = size >= away.atLeast() && size <= away.atMost();
        }
        return new AwaySetBound.TeamSets(c, value, admissible);
    }

    /**
     * The venues the format (or the matchups) makes team t visit, or null when it does not say. SINGLE: any
     * number of its opponents' venues (a team may host every game, so {@link #team} has no bound there).
     */
    static AwaySet awaySet(SeasonIndex ix, int t) {
        SeasonFormat f = ix.season.format();
        long[] gamesAt = new long[ix.n];
        if (!ix.season.matchups().isEmpty()) {
            for (Matchup mu : ix.season.matchups()) {
                if (ix.team(mu.away(), "matchups") == t) {
                    gamesAt[ix.team(mu.home(), "matchups")] += mu.meetings();
                }
            }
            int[] venues = java.util.stream.IntStream.range(0, ix.n).filter(o -> o != t && gamesAt[o] > 0).toArray();
            return new AwaySet(venues, venues.length, venues.length, gamesAt);
        }
        int[] opponents = java.util.stream.IntStream.range(0, ix.n).filter(o -> o != t).toArray();
        Arrays.fill(gamesAt, 1);
        if (f.roundRobin() == RoundRobin.DOUBLE) {
            return new AwaySet(opponents, opponents.length, opponents.length, gamesAt);
        }
        if (f.roundRobin() == RoundRobin.PARTIAL && f.gamesPerTeam() != null) {
            // home and away counts differ by at most one and each ordered pair meets at most once
            int games = f.gamesPerTeam();
            return new AwaySet(opponents, Math.min(opponents.length, games / 2), Math.min(opponents.length, (games + 1) / 2),
                    gamesAt);
        }
        if (f.roundRobin() == RoundRobin.SINGLE) {
            return new AwaySet(opponents, 0, opponents.length, gamesAt);
        }
        return null;
    }

    /** Round trips from home: every game of a fixed set, else the cheapest {@code atLeast} venues once each. */
    static long returnHome(long[][] d, int t, AwaySet away) {
        long[] trips = Arrays.stream(away.candidates()).mapToLong(o -> (d[t][o] + d[o][t]) * (away.fixed() ? away.gamesAt()[o] : 1))
                .sorted().toArray();
        long sum = 0;
        for (int i = 0; i < away.atLeast(); i++) {
            sum += trips[i];
        }
        return sum;
    }

    /** Floyd–Warshall: the cheapest way between any two venues, never more than the direct leg. */
    static long[][] closure(long[][] metres) {
        int n = metres.length;
        long[][] d = new long[n][];
        for (int i = 0; i < n; i++) {
            d[i] = metres[i].clone();
            d[i][i] = 0;
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (d[i][k] + d[k][j] < d[i][j]) {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        return d;
    }

    /**
     * trip[mask] = the cheapest route home → every venue of mask → home, for every mask of at most
     * {@code maxStops} venues (Held–Karp over paths from home); other masks stay at Long.MAX_VALUE.
     */
    static long[] routes(long[][] d, int home, int[] venues, int maxStops) {
        int m = venues.length;
        int full = 1 << m;
        long[] path = new long[full * m];
        Arrays.fill(path, Long.MAX_VALUE);
        for (int j = 0; j < m; j++) {
            path[(1 << j) * m + j] = d[home][venues[j]];
        }
        long[] trip = new long[full];
        Arrays.fill(trip, Long.MAX_VALUE);
        trip[0] = 0;
        for (int mask = 1; mask < full; mask++) {
            int size = Integer.bitCount(mask);
            if (size > maxStops) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                long here = path[mask * m + j];
                if (here == Long.MAX_VALUE) {
                    continue;
                }
                trip[mask] = Math.min(trip[mask], here + d[venues[j]][home]);
                if (size == maxStops) {
                    continue;
                }
                for (int k = 0; k < m; k++) {
                    if ((mask & (1 << k)) == 0) {
                        int next = (mask | (1 << k)) * m + k;
                        path[next] = Math.min(path[next], here + d[venues[j]][venues[k]]);
                    }
                }
            }
        }
        return trip;
    }

    /** best[mask] = the cheapest split of mask into trips of ≤ k venues (the trip holding mask's lowest venue, + the rest). */
    static long[] partitions(long[] trip, int m, int k) {
        long[] best = new long[1 << m];
        int[] bits = new int[m];
        for (int mask = 1; mask < best.length; mask++) {
            int low = Integer.lowestOneBit(mask);
            int rest = mask & ~low;
            int count = 0;
            for (int b = 0; b < m; b++) {
                if ((rest & (1 << b)) != 0) {
                    bits[count++] = 1 << b;
                }
            }
            best[mask] = cheapestSplit(trip, best, mask, low, bits, count, 0, k - 1);
        }
        return best;
    }

    /** Trips = low plus up to {@code more} venues of bits[from..count): the cheapest trip + rest. */
    private static long cheapestSplit(long[] trip, long[] best, int mask, int chosen, int[] bits, int count, int from, int more) {
        long value = trip[chosen] + best[mask & ~chosen];
        if (more == 0) {
            return value;
        }
        for (int i = from; i < count; i++) {
            value = Math.min(value, cheapestSplit(trip, best, mask, chosen | bits[i], bits, count, i + 1, more - 1));
        }
        return value;
    }

    /** Steps of {@link #partitions}: Σ over masks of the trips through their lowest venue (C(size−1, < k)). */
    static long partitionSteps(int m, int k) {
        double steps = 0;
        for (int size = 1; size <= m; size++) {
            double trips = 0;
            for (int i = 0; i < Math.min(k, size); i++) {
                trips += binomial(size - 1, i);
            }
            steps += binomial(m, size) * trips;
        }
        return (long) Math.min(Long.MAX_VALUE, steps);
    }

    private static double binomial(int n, int r) {
        double c = 1;
        for (int i = 0; i < r; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c;
    }

    /** A fixed set: its value; PARTIAL: the cheapest set of atLeast..atMost venues. */
    static long bestOver(AwaySet away, long[] value) {
        if (away.fixed()) {
            return value[value.length - 1];
        }
        long best = Long.MAX_VALUE;
        for (int mask = 0; mask < value.length; mask++) {
            int size = Integer.bitCount(mask);
            if (size >= away.atLeast() && size <= away.atMost()) {
                best = Math.min(best, value[mask]);
            }
        }
        return best;
    }

    /**
     * Each visited venue v is entered by one leg and left by another, each leg has one head and one tail:
     * travel ≥ Σ_v ½ (cheapest leg into v + cheapest leg out of v), legs from home or another candidate
     * (any other venue when the set is not fixed). PARTIAL: the smallest atLeast of these terms.
     */
    static long perVenue(long[][] d, int home, AwaySet away) {
        int[] c = away.candidates();
        long[] halves = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            int v = c[i];
            long in = d[home][v];
            long out = d[v][home];
            int[] from = away.fixed() ? c : java.util.stream.IntStream.range(0, d.length).toArray();
            for (int u : from) {
                if (u != v) {
                    in = Math.min(in, d[u][v]);
                    out = Math.min(out, d[v][u]);
                }
            }
            halves[i] = in + out;
        }
        Arrays.sort(halves);
        long sum = 0;
        for (int i = 0; i < away.atLeast(); i++) {
            sum += halves[i];
        }
        return sum / 2;
    }

    /** The longest road trip the hard constraints allow team t, or -1 when they do not limit it. */
    static int maxTrip(SeasonIndex ix, int t) {
        int best = -1;
        for (SeasonConstraint c : ix.season.constraints()) {
            if (!c.hard() || !c.wellFormed()) {
                continue;
            }
            int limit = RuleFamilies.of(c).tripLimit(ix, c.rule(), t);
            if (limit >= 0 && (best < 0 || limit < best)) {
                best = limit;
            }
        }
        return best;
    }
}
