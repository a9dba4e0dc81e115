package io.flextime.solve.engine;

import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Exact depth-first branch and bound for small travel tournaments (the TTP shape with streak and
 * no-rematch rules only): slot after slot, the lowest free team of the slot is given an opponent and a
 * venue. A node is cut when the travel so far plus, for every team, the least travel that can still
 * finish its own season (its remaining away venues and home games, in order, under the streak limits,
 * ending at home: a per-team dynamic programme computed once) reaches the cutoff. With symmetric
 * distances, reversal symmetry is broken by making team 0 host team 1 before team 1 hosts team 0.
 *
 * <p>Why written here: CP-SAT's bound on NL6 stays at the independent lower bound (the sum of each
 * team's best trips over the whole season) for minutes, while this per-team bound, taken at every node
 * from that team's state, proves NL6 in seconds (the method of Uthus, Riddle and Guesgen, "DFS* and the
 * traveling tournament problem", CPAIOR 2009, without the iterative deepening). It is exponential: the
 * solver only runs it where the season is small enough and stops it at its budget.
 */
final class TravelTournamentProof {
    private static final long UNREACHABLE = Long.MAX_VALUE / 4;
    /** The per-team tables grow with n·2ⁿ: 8 teams take 7 MB; 10 would take 57 MB for a search that cannot finish. */
    static final int MAX_TEAMS = 8;

    private final int n;
    private final int slots;
    private final long[][] d;
    private final int maxHomeRun;
    private final int maxAwayRun;
    private final int minGap;
    private final int runSpan;
    /** A schedule played backwards travels the same (symmetric distances): only one of each such pair is searched. */
    private final boolean symmetric;
    /** rest[t][state]: least travel for t to finish its season from that state (see {@link #index}) */
    private final long[][] rest;

    private final AtomicLong cutoff;
    private final AtomicLong nodes = new AtomicLong();
    private volatile int[][] bestOpp;
    private volatile boolean[][] bestHome;

    /**
     * @param metres     distance between the teams' venues
     * @param maxHomeRun most consecutive home games (slots − 1 or more: no limit)
     * @param maxAwayRun most consecutive away games
     * @param minGap     slots at least between two meetings of a pair (0: none; 1: no rematch in the next slot)
     * @param cutoff     only schedules with less travel than this are looked for
     */
    TravelTournamentProof(long[][] metres, int maxHomeRun, int maxAwayRun, int minGap, long cutoff) {
        this.n = metres.length;
        if (n < 4 || n % 2 != 0 || n > MAX_TEAMS) {
            throw new IllegalArgumentException("exact search needs an even number of teams from 4 to " + MAX_TEAMS + ", got " + n);
        }
        this.slots = 2 * (n - 1);
        this.d = metres;
        this.maxHomeRun = Math.min(maxHomeRun, slots);
        this.maxAwayRun = Math.min(maxAwayRun, slots);
        this.minGap = minGap;
        this.runSpan = Math.max(this.maxHomeRun, this.maxAwayRun);
        boolean same = true;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                same &= metres[i][j] == metres[j][i];
            }
        }
        this.symmetric = same;
        this.cutoff = new AtomicLong(cutoff);
        this.rest = new long[n][];
        for (int t = 0; t < n; t++) {
            rest[t] = restOf(t);
        }
    }

    /**
     * The search for {@code season} when it applies: a travel tournament ({@link TravelTournamentCost#rulesOf})
     * of at most {@link #MAX_TEAMS} teams whose window rules are all streak limits ("at most k − 1 home
     * (away) games in any k consecutive slots"; a stricter one would be ignored by the bound and the
     * search, so the search would not be exact). Looks for schedules whose objective is below
     * {@code objectiveCutoff} (infinite: any).
     */
    static Optional<TravelTournamentProof> forSeason(Season season, SeasonIndex ix, ObjectiveWeights weights,
            double objectiveCutoff) {
        if (ix.n > MAX_TEAMS || weights.travel() <= 0) {
            return Optional.empty();
        }
        Optional<TravelTournamentCost.Rules> rules = TravelTournamentCost.rulesOf(season, ix);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        int homeRun = streakLimit(rules.get().maxHome());
        int awayRun = streakLimit(rules.get().maxAway());
        if (homeRun < 0 || awayRun < 0) {
            return Optional.empty();
        }
        long cutoff = UNREACHABLE;
        if (Double.isFinite(objectiveCutoff)) {
            // objective = weight × metres / 1000; below it means fewer metres than this (whole metres)
            double metres = objectiveCutoff * 1000 / weights.travel();
            cutoff = Math.abs(metres - Math.rint(metres)) < 1e-6 ? (long) Math.rint(metres) : (long) Math.ceil(metres);
        }
        return Optional.of(new TravelTournamentProof(ix.metres(), homeRun, awayRun, rules.get().minGap(), cutoff));
    }

    /** The longest run the window rules allow; −1 when a rule is stricter than a run limit. */
    private static int streakLimit(int[] maxInWindow) {
        int run = maxInWindow.length;
        for (int k = 1; k < maxInWindow.length; k++) {
            if (maxInWindow[k] >= k) {
                continue; // no limit
            }
            if (maxInWindow[k] != k - 1) {
                return -1;
            }
            run = Math.min(run, k - 1);
        }
        return run;
    }

    /**
     * What a search ended with: complete (the whole tree searched), the bound in metres (complete: the
     * cutoff it ended with, so no schedule travels less; else the root bound), nodes visited, and the best
     * schedule found below the cutoff, if any.
     */
    record Outcome(boolean complete, long bound, long nodes, int[][] opp, boolean[][] home) {
        /** Whether it found a schedule below the cutoff (then {@link #opp}/{@link #home} hold the best). */
        boolean improved() {
            return opp != null;
        }
    }

    /** The bound at the root: the sum over teams of their least travel for the whole season. */
    long rootBound() {
        long sum = 0;
        for (int t = 0; t < n; t++) {
            sum += rest[t][index(t, allBut(t), n - 1, 0)];
        }
        return sum;
    }

    /**
     * Searches on {@code workers} threads until the tree is done or {@code stop} says so. Complete: no
     * schedule travels less than the final cutoff (the best found, or the given cutoff), which is then a
     * proven lower bound; else the bound is only {@link #rootBound}.
     */
    Outcome search(int workers, BooleanSupplier stop) throws InterruptedException {
        // the first slot's games for team 0, one task each
        List<int[]> firsts = new ArrayList<>();
        for (int o = 1; o < n; o++) {
            firsts.add(new int[] { o, 1 });
            firsts.add(new int[] { o, 0 });
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread th = new Thread(r, "ttp-proof");
            th.setDaemon(true);
            return th;
        });
        boolean complete = true;
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int w = 0; w < Math.max(1, workers); w++) {
                done.add(pool.submit(() -> {
                    Walker walker = new Walker(stop);
                    for (int k; (k = next.getAndIncrement()) < firsts.size();) {
                        if (!walker.first(firsts.get(k)[0], firsts.get(k)[1] == 1)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : done) {
                complete &= f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("exact search failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long bound = complete ? cutoff.get() : rootBound();
        return new Outcome(complete, bound, nodes.get(), bestOpp, bestHome);
    }

    private int allBut(int t) {
        return ((1 << n) - 1) & ~(1 << t);
    }

    /** State of team t: where it is, the opponents it must still visit, home games left, current run (+away/−home). */
    private int index(int loc, int awayMask, int homesLeft, int run) {
        return ((loc << n | awayMask) * n + homesLeft) * (2 * runSpan + 1) + run + runSpan;
    }

    /** Team t's table: every state reachable from its start, filled by the recursion from there. */
    private long[] restOf(int t) {
        long[] memo = new long[n * (1 << n) * n * (2 * runSpan + 1)];
        Arrays.fill(memo, -1);
        restFrom(t, memo, t, allBut(t), n - 1, 0);
        return memo;
    }

    private long restFrom(int t, long[] memo, int loc, int awayMask, int homesLeft, int run) {
        int key = index(loc, awayMask, homesLeft, run);
        if (memo[key] >= 0) {
            return memo[key];
        }
        long best;
        if (awayMask == 0 && homesLeft == 0) {
            best = d[loc][t];
        } else {
            best = UNREACHABLE;
            int awayRun = run > 0 ? run + 1 : 1;
            if (awayMask != 0 && awayRun <= maxAwayRun) {
                for (int v = 0; v < n; v++) {
                    if ((awayMask & (1 << v)) != 0) {
                        best = Math.min(best, d[loc][v] + restFrom(t, memo, v, awayMask & ~(1 << v), homesLeft, awayRun));
                    }
                }
            }
            int homeRun = run < 0 ? -run + 1 : 1;
            if (homesLeft > 0 && homeRun <= maxHomeRun) {
                best = Math.min(best, d[loc][t] + restFrom(t, memo, t, awayMask, homesLeft - 1, -homeRun));
            }
            best = Math.min(best, UNREACHABLE);
        }
        memo[key] = best;
        return best;
    }

    /** One thread's depth-first search, with its own state. */
    private final class Walker {
        private final BooleanSupplier stop;
        private final int[][] opp = new int[n][slots];
        private final boolean[][] home = new boolean[n][slots];
        private final int[] loc = new int[n];
        private final int[] run = new int[n];
        /** opponents whose venue the team still visits / it still hosts */
        private final int[] awayMask = new int[n];
        private final int[] homeMask = new int[n];
        private final int[][] lastMet = new int[n][n];
        private final long[] restNow = new long[n];
        /** travel so far + Σ rest */
        private long bound;
        private long visited;

        Walker(BooleanSupplier stop) {
            this.stop = stop;
            for (int t = 0; t < n; t++) {
                loc[t] = t;
                awayMask[t] = allBut(t);
                homeMask[t] = allBut(t);
                Arrays.fill(lastMet[t], Integer.MIN_VALUE / 2);
                restNow[t] = rest[t][index(t, allBut(t), n - 1, 0)];
                bound += restNow[t];
            }
        }

        /** The subtree where team 0 plays o first, at home or not; false when stopped. */
        boolean first(int o, boolean zeroHome) {
            if (!play(0, 0, o, zeroHome)) {
                return true;
            }
            boolean finished = dfs(0, 1L << 0 | 1L << o);
            unplay(0, o, zeroHome);
            return finished;
        }

        // values saved by play() for unplay(), per depth (a game per depth)
        private final long[][] saved = new long[n * slots / 2 + 1][8];
        private int depth;

        /**
         * Plays t against o in slot s (t at home when {@code tHome}); false (and nothing changed) when a rule
         * forbids it or the bound reaches the cutoff.
         */
        private boolean play(int s, int t, int o, boolean tHome) {
            int h = tHome ? t : o;
            int a = tHome ? o : t;
            if ((homeMask[h] & (1 << a)) == 0) {
                return false; // played already
            }
            if (symmetric && h == 1 && a == 0 && (homeMask[0] & (1 << 1)) != 0) {
                return false; // reversal symmetry: 0 hosts 1 first
            }
            int homeRun = run[h] < 0 ? -run[h] + 1 : 1;
            int awayRun = run[a] > 0 ? run[a] + 1 : 1;
            if (homeRun > maxHomeRun || awayRun > maxAwayRun || s - lastMet[t][o] - 1 < minGap) {
                return false;
            }
            long travelH = d[loc[h]][h];
            long travelA = d[loc[a]][h];
            int hHomesLeft = Integer.bitCount(homeMask[h]) - 1;
            int aHomesLeft = Integer.bitCount(homeMask[a]);
            long restH = rest[h][index(h, awayMask[h], hHomesLeft, -homeRun)];
            long restA = rest[a][index(h, awayMask[a] & ~(1 << h), aHomesLeft, awayRun)];
            if (restH >= UNREACHABLE || restA >= UNREACHABLE) {
                return false;
            }
            long next = bound + travelH + travelA + restH + restA - restNow[h] - restNow[a];
            if (next >= cutoff.get()) {
                return false;
            }
            depth++;
            long[] keep = saved[depth];
            keep[0] = bound;
            keep[1] = loc[h];
            keep[2] = loc[a];
            keep[3] = run[h];
            keep[4] = run[a];
            keep[5] = restNow[h];
            keep[6] = restNow[a];
            keep[7] = lastMet[t][o];
            bound = next;
            loc[h] = h;
            loc[a] = h;
            run[h] = -homeRun;
            run[a] = awayRun;
            homeMask[h] &= ~(1 << a);
            awayMask[a] &= ~(1 << h);
            restNow[h] = restH;
            restNow[a] = restA;
            lastMet[t][o] = s;
            lastMet[o][t] = s;
            opp[t][s] = o;
            opp[o][s] = t;
            home[h][s] = true;
            home[a][s] = false;
            return true;
        }

        private void unplay(int t, int o, boolean tHome) {
            int h = tHome ? t : o;
            int a = tHome ? o : t;
            long[] keep = saved[depth];
            bound = keep[0];
            loc[h] = (int) keep[1];
            loc[a] = (int) keep[2];
            run[h] = (int) keep[3];
            run[a] = (int) keep[4];
            restNow[h] = keep[5];
            restNow[a] = keep[6];
            lastMet[t][o] = (int) keep[7];
            lastMet[o][t] = (int) keep[7];
            homeMask[h] |= 1 << a;
            awayMask[a] |= 1 << h;
            depth--;
        }

        /** Fills slot s from its lowest free team ({@code busy}: teams already playing in s); false when stopped. */
        private boolean dfs(int s, long busy) {
            if ((++visited & 0xFFF) == 0) {
                nodes.addAndGet(0x1000);
                if (stop.getAsBoolean()) {
                    return false;
                }
            }
            if (busy == (1L << n) - 1) {
                if (s == slots - 1) {
                    complete();
                    return true;
                }
                return dfs(s + 1, 0);
            }
            int t = Long.numberOfTrailingZeros(~busy);
            // options in order of the bound they lead to (better schedules first: they lower the cutoff)
            int[] options = new int[2 * n];
            long[] keys = new long[2 * n];
            int count = 0;
            for (int o = t + 1; o < n; o++) {
                if ((busy & (1L << o)) != 0) {
                    continue;
                }
                for (int v = 0; v < 2; v++) {
                    boolean tHome = v == 0;
                    if (play(s, t, o, tHome)) {
                        keys[count] = bound;
                        options[count++] = o * 2 + v;
                        unplay(t, o, tHome);
                    }
                }
            }
            sortByKey(options, keys, count);
            for (int k = 0; k < count; k++) {
                int o = options[k] / 2;
                boolean tHome = options[k] % 2 == 0;
                if (play(s, t, o, tHome)) {
                    boolean go = dfs(s, busy | 1L << t | 1L << o);
                    unplay(t, o, tHome);
                    if (!go) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Every slot filled: the travel home after the last game closes the season. */
        private void complete() {
            long total = bound; // the travel so far and, as the only rest left, each team's way home
            synchronized (TravelTournamentProof.this) {
                if (total < cutoff.get()) {
                    cutoff.set(total);
                    int[][] o = new int[n][];
                    boolean[][] h = new boolean[n][];
                    for (int t = 0; t < n; t++) {
                        o[t] = opp[t].clone();
                        h[t] = home[t].clone();
                    }
                    bestOpp = o;
                    bestHome = h;
                }
            }
        }
    }

    private static void sortByKey(int[] values, long[] keys, int count) {
        for (int i = 1; i < count; i++) {
            int v = values[i];
            long k = keys[i];
            int j = i - 1;
            for (; j >= 0 && keys[j] > k; j--) {
                values[j + 1] = values[j];
                keys[j + 1] = keys[j];
            }
            values[j + 1] = v;
            keys[j + 1] = k;
        }
    }
}
