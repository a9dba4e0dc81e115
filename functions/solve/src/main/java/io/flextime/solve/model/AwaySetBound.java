package io.flextime.solve.model;

import io.flextime.core.model.SeasonIndex;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;

/**
 * A lower bound on the total travel of a season whose away venues the solver chooses (PARTIAL, SINGLE),
 * coupling the teams' choices: the independent bound ({@link TravelLowerBound}) lets every team visit its
 * cheapest set of venues, so nearby teams all visit each other and nobody visits the far ones, although
 * every game has a visitor. Here each team picks one away set S (a column, costing that set's least travel
 * from the independent bound's tables), subject to what the format says about all teams together:
 * <ul>
 *   <li>every team plays its gamesPerTeam games: the visits it receives plus |S| (PARTIAL);</li>
 *   <li>every pair meets at least once (PARTIAL with gamesPerTeam ≥ n − 1 + twiceOpponents), exactly once
 *       (SINGLE): one of the two visits the other.</li>
 * </ul>
 * Its linear relaxation is a lower bound on the travel of every schedule. It is solved by column generation
 * with GLOP (OR-Tools' LP solver): the columns of one team are all its admissible sets (C(15, 9) = 5005 on
 * the Big 12), priced by enumerating them against the duals; slack columns at a high cost keep the
 * restricted problem feasible (a relaxation, so still a bound). Whenever it stops, converged or not, the
 * bound is the restricted optimum plus each team's most negative reduced cost (Farley's bound for a
 * master with one convexity row per team), so an early stop never overstates it.
 *
 * <p>Why written here: no library knows these columns; OR-Tools solves the LPs, this class only enumerates
 * sets and prices them. Big 12 sample: 164 687 km independently, 208 390 km coupled.
 */
public final class AwaySetBound {
    private static final int MAX_ITERATIONS = 300;
    private static final long MAX_NANOS = 3_000_000_000L;
    /** Columns added per team and iteration (the most negative reduced costs). */
    private static final int COLUMNS_PER_TEAM = 3;

    private AwaySetBound() {
    }

    /** Per team: its candidate venues (team indexes) and the least travel of each admissible set of them (by bit mask). */
    record TeamSets(int[] candidates, long[] value, boolean[] admissible) {
    }

    /**
     * The coupled bound in metres; 0 when the season is not one it applies to (no geography, away sets fixed by
     * the format or the matchups, more than 17 teams): then the independent bound is all there is.
     */
    public static long metres(SeasonIndex ix) {
        TeamSets[] sets = new TeamSets[ix.n];
        for (int t = 0; t < ix.n; t++) {
            sets[t] = TravelLowerBound.admissibleSets(ix, t);
            if (sets[t] == null) {
                return 0;
            }
        }
        return new ColumnGeneration(ix, sets).run();
    }

    /** The restricted master problem and its pricing. */
    private static final class ColumnGeneration {
        private final int n;
        private final TeamSets[] sets;
        private final boolean single;
        private final boolean everyPairMeets;
        private final MPSolver lp = MPSolver.createSolver("GLOP");
        private final MPObjective cost;
        private final MPConstraint[] oneSet;
        private final MPConstraint[] games;
        private final MPConstraint[][] pair;
        // the duals of the last solve, read before any column is added (adding one invalidates them in GLOP)
        private final double[] convexityDual;
        private final double[] gamesDual;
        private final double[][] pairDual;

        ColumnGeneration(SeasonIndex ix, TeamSets[] sets) {
            this.n = ix.n;
            this.sets = sets;
            SeasonFormat f = ix.season.format();
            this.single = f.roundRobin() == RoundRobin.SINGLE;
            int g = single ? n - 1 : f.gamesPerTeam();
            this.everyPairMeets = single || g >= n - 1 + (f.twiceOpponents() == null ? 0 : f.twiceOpponents());
            if (lp == null) {
                throw new IllegalStateException("OR-Tools' GLOP is not available");
            }
            this.cost = lp.objective();
            cost.setMinimization();
            long highest = 0;
            for (TeamSets s : sets) {
                for (int mask = 0; mask < s.value().length; mask++) {
                    if (s.admissible()[mask]) {
                        highest = Math.max(highest, s.value()[mask]);
                    }
                }
            }
            // a slack unit must cost more than any set could save: then slacks are only used where no sets fit
            double slackCost = 2.0 * n * (highest + 1);
            convexityDual = new double[n];
            gamesDual = new double[n];
            pairDual = new double[n][n];
            oneSet = new MPConstraint[n];
            games = new MPConstraint[n];
            pair = new MPConstraint[n][n];
            for (int t = 0; t < n; t++) {
                oneSet[t] = lp.makeConstraint(1, 1);
                if (!single) {
                    games[t] = lp.makeConstraint(g, g);
                    slack(games[t], slackCost, 1);
                    slack(games[t], slackCost, -1);
                }
                for (int o = t + 1; o < n && everyPairMeets; o++) {
                    pair[t][o] = single ? lp.makeConstraint(1, 1) : lp.makeConstraint(1, Double.POSITIVE_INFINITY);
                    pair[o][t] = pair[t][o];
                    slack(pair[t][o], slackCost, 1);
                    if (single) {
                        slack(pair[t][o], slackCost, -1);
                    }
                }
            }
            for (int t = 0; t < n; t++) {
                addColumn(t, cheapest(sets[t]));
            }
        }

        private void slack(MPConstraint row, double price, int sign) {
            MPVariable s = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "");
            cost.setCoefficient(s, price);
            row.setCoefficient(s, sign);
        }

        private static int cheapest(TeamSets s) {
            int best = -1;
            for (int mask = 0; mask < s.value().length; mask++) {
                if (s.admissible()[mask] && (best < 0 || s.value()[mask] < s.value()[best])) {
                    best = mask;
                }
            }
            return best;
        }

        private void addColumn(int t, int mask) {
            TeamSets s = sets[t];
            MPVariable x = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "");
            cost.setCoefficient(x, s.value()[mask]);
            oneSet[t].setCoefficient(x, 1);
            if (!single) {
                games[t].setCoefficient(x, Integer.bitCount(mask));
            }
            for (int b = 0; b < s.candidates().length; b++) {
                if ((mask & (1 << b)) != 0) {
                    int o = s.candidates()[b];
                    if (!single) {
                        games[o].setCoefficient(x, 1);
                    }
                    if (everyPairMeets) {
                        pair[t][o].setCoefficient(x, 1);
                    }
                }
            }
        }

        long run() {
            try {
                // GLOP's tolerances are relative (about 1e-9 here): a metre less keeps the bound on the safe side
                return Math.max(0, (long) Math.floor(generate() * (1 - 1e-9)) - 1);
            } finally {
                lp.delete();
            }
        }

        /** Farley's bound at the last iteration that solved: the restricted optimum plus each team's most negative reduced cost. */
        private double generate() {
            long started = System.nanoTime();
            double bound = 0;
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                    break; // keep the last valid bound
                }
                double restricted = cost.value();
                readDuals();
                double farley = restricted;
                int[][] entering = new int[n][];
                for (int t = 0; t < n; t++) {
                    entering[t] = mostNegative(t, restricted);
                    if (entering[t].length > 0) {
                        farley += reducedCost(t, entering[t][0]);
                    }
                }
                boolean added = false;
                for (int t = 0; t < n; t++) {
                    for (int mask : entering[t]) {
                        addColumn(t, mask);
                        added = true;
                    }
                }
                bound = Math.max(bound, farley);
                if (!added || System.nanoTime() - started > MAX_NANOS) {
                    break;
                }
            }
            return bound;
        }

        private void readDuals() {
            for (int t = 0; t < n; t++) {
                convexityDual[t] = oneSet[t].dualValue();
                gamesDual[t] = single ? 0 : games[t].dualValue();
                for (int o = t + 1; o < n && everyPairMeets; o++) {
                    pairDual[t][o] = pair[t][o].dualValue();
                    pairDual[o][t] = pairDual[t][o];
                }
            }
        }

        /** Up to {@link #COLUMNS_PER_TEAM} admissible sets of t with reduced cost below zero, most negative first. */
        private int[] mostNegative(int t, double scale) {
            TeamSets s = sets[t];
            int m = s.candidates().length;
            double[] weight = new double[m];
            for (int b = 0; b < m; b++) {
                int o = s.candidates()[b];
                weight[b] = gamesDual[t] + gamesDual[o] + pairDual[t][o];
            }
            double base = convexityDual[t];
            double[] sum = new double[s.value().length];
            double tolerance = 1e-9 * Math.max(1.0, Math.abs(scale));
            // the kept sets, most negative first; a set enters when it beats the last kept one (or the tolerance)
            int[] best = new int[COLUMNS_PER_TEAM];
            double[] bestRc = new double[COLUMNS_PER_TEAM];
            java.util.Arrays.fill(bestRc, -tolerance);
            int found = 0;
            for (int mask = 0; mask < sum.length; mask++) {
                if (mask > 0) {
                    sum[mask] = sum[mask & (mask - 1)] + weight[Integer.numberOfTrailingZeros(mask)];
                }
                if (!s.admissible()[mask]) {
                    continue;
                }
                double rc = s.value()[mask] - base - sum[mask];
                if (rc >= bestRc[COLUMNS_PER_TEAM - 1]) {
                    continue;
                }
                int k = Math.min(found, COLUMNS_PER_TEAM - 1);
                while (k > 0 && bestRc[k - 1] > rc) {
                    bestRc[k] = bestRc[k - 1];
                    best[k] = best[k - 1];
                    k--;
                }
                bestRc[k] = rc;
                best[k] = mask;
                found = Math.min(COLUMNS_PER_TEAM, found + 1);
            }
            return java.util.Arrays.copyOf(best, found);
        }

        private double reducedCost(int t, int mask) {
            TeamSets s = sets[t];
            double rc = s.value()[mask] - convexityDual[t];
            for (int b = 0; b < s.candidates().length; b++) {
                if ((mask & (1 << b)) != 0) {
                    int o = s.candidates()[b];
                    rc -= gamesDual[t] + gamesDual[o] + pairDual[t][o];
                }
            }
            return rc;
        }
    }
}
