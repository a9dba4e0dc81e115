package io.flextime.solve.calendar;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.rules.model.OrToolsNatives;
import java.util.ArrayList;
import java.util.List;

/**
 * A valid pairing of the PARTIAL format to start from. With travel, {@link #nearest}: the pairs that meet
 * twice (and, when not every pair meets, the pairs that meet at all) chosen by CP-SAT to be as close as the
 * format allows — a pair met twice adds a visit each way, cheapest between neighbours — with the single
 * games' hosts balanced. Without travel, or when that finds nothing in its time, {@link #partial}, a
 * circulant on Z_n: teams i and i + d meet
 * twice (once at each venue) for the smallest distances d, and once — the team d below hosting — for as
 * many further distances as the games per team need. Each distance below n/2 gives every team one home
 * and one away game; n/2 (even n) gives one game, hosted by the lower half, which is where the ±1 of the
 * home/away balance comes from. The search then changes who meets whom and who hosts.
 */
final class InitialPairing {
    private InitialPairing() {
    }

    /** Games (home, away) of the nearest valid pairing, or the circulant one when CP-SAT finds none in time. */
    static List<int[]> nearest(int n, int gamesPerTeam, int twiceOpponents, long[][] metres, double seconds) {
        OrToolsNatives.ensureLoaded();
        CpModel model = new CpModel();
        BoolVar[][] twice = new BoolVar[n][n];
        BoolVar[][] meet = new BoolVar[n][n];
        BoolVar[][] lowerHosts = new BoolVar[n][n];
        boolean everyPairMeets = gamesPerTeam >= n - 1 + twiceOpponents;
        LinearExprBuilder cost = LinearExpr.newBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                twice[i][j] = model.newBoolVar("twice" + i + "_" + j);
                meet[i][j] = model.newBoolVar("meet" + i + "_" + j);
                lowerHosts[i][j] = model.newBoolVar("host" + i + "_" + j);
                model.addImplication(twice[i][j], meet[i][j]);
                if (everyPairMeets) {
                    model.addEquality(meet[i][j], 1);
                }
                // the single game's host: only meaningful for a pair met once
                model.addImplication(lowerHosts[i][j], meet[i][j]);
                model.addImplication(twice[i][j], lowerHosts[i][j].not());
                long d = (metres[i][j] + metres[j][i]) / 1000;
                cost.addTerm(twice[i][j], d).addTerm(meet[i][j], d);
            }
        }
        for (int t = 0; t < n; t++) {
            LinearExprBuilder twiceCount = LinearExpr.newBuilder();
            LinearExprBuilder games = LinearExpr.newBuilder();
            LinearExprBuilder hosted = LinearExpr.newBuilder();
            for (int o = 0; o < n; o++) {
                if (o == t) {
                    continue;
                }
                int i = Math.min(t, o);
                int j = Math.max(t, o);
                twiceCount.add(twice[i][j]);
                games.add(meet[i][j]).add(twice[i][j]);
                hosted.add(twice[i][j]);
                if (t == i) {
                    hosted.add(lowerHosts[i][j]);
                } else {
                    // the higher team hosts a single meeting the lower one does not
                    hosted.add(meet[i][j]).addTerm(twice[i][j], -1).addTerm(lowerHosts[i][j], -1);
                }
            }
            model.addEquality(twiceCount, twiceOpponents);
            model.addEquality(games, gamesPerTeam);
            LinearExpr twoHosted = LinearExpr.newBuilder().addTerm(hosted.build(), 2).add(-gamesPerTeam).build();
            model.addLinearConstraint(twoHosted, -1, 1);
        }
        model.minimize(cost);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.1, seconds)).setNumWorkers(1).setRandomSeed(1);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return partial(n, gamesPerTeam, twiceOpponents);
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (solver.booleanValue(twice[i][j])) {
                    out.add(new int[] {i, j});
                    out.add(new int[] {j, i});
                } else if (solver.booleanValue(meet[i][j])) {
                    out.add(solver.booleanValue(lowerHosts[i][j]) ? new int[] {i, j} : new int[] {j, i});
                }
            }
        }
        return out;
    }

    static List<int[]> partial(int n, int gamesPerTeam, int twiceOpponents) {
        boolean even = n % 2 == 0;
        int below = (n - 1) / 2; // distances 1..below give every team two games each
        if (twiceOpponents % 2 == 1 && !even) {
            throw new IllegalArgumentException("an odd number of twice-met opponents needs an even number of teams");
        }
        int twiceDistances = twiceOpponents / 2;
        boolean halfTwice = twiceOpponents % 2 == 1;
        int singles = gamesPerTeam - 2 * twiceOpponents;
        int singleDistances = singles / 2;
        boolean halfSingle = singles % 2 == 1;
        if (singles < 0 || twiceDistances + singleDistances > below || (halfSingle && (!even || halfTwice))) {
            throw new IllegalArgumentException("no circulant pairing for " + n + " teams, " + gamesPerTeam + " games, "
                    + twiceOpponents + " opponents twice");
        }
        List<int[]> games = new ArrayList<>();
        for (int d = 1; d <= twiceDistances + singleDistances; d++) {
            for (int i = 0; i < n; i++) {
                int j = (i + d) % n;
                games.add(new int[] {i, j});
                if (d <= twiceDistances) {
                    games.add(new int[] {j, i});
                }
            }
        }
        if (halfTwice || halfSingle) {
            for (int i = 0; i < n / 2; i++) {
                games.add(new int[] {i, i + n / 2});
                if (halfTwice) {
                    games.add(new int[] {i + n / 2, i});
                }
            }
        }
        return games;
    }
}
