package io.flextime.solve.engine;

import io.flextime.core.model.ConstraintParams;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Team;
import io.flextime.solve.model.SeasonIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Simulated annealing for travel tournaments (the TTP shape: a compact double round robin, travel
 * venue to venue, hard "at most m home (away) games in every k consecutive slots" and "no rematch
 * within r slots", nothing else), after Anagnostopoulos, Michel, Van Hentenryck and Vergados, "A
 * simulated annealing approach to the traveling tournament problem" (J. Scheduling 2006): the moves
 * SwapHomes, SwapRounds, SwapTeams, PartialSwapRounds and PartialSwapTeams keep a double round robin;
 * the two rule families are penalised with a weight that rises while the current schedule breaks them
 * and falls while it keeps them (strategic oscillation), so the search crosses infeasible schedules.
 *
 * <p>Why written here: no maintained Java library searches round-robin schedules with these moves
 * (Timefold would need the whole model re-expressed in its terms), and CP-SAT's own neighbourhoods over
 * the x[h][a][s] model make thousands of moves a minute where this makes millions. Its schedules are
 * only candidates: the solver checks each with the independent evaluator before reporting it.
 *
 * <p>Each move changes the rows of a few teams (all of them for SwapRounds); the cost of a team
 * depends on its row only (its travel, its windows, its rematch gaps), so a move is scored by
 * recomputing the changed rows and undone by restoring them.
 */
final class TournamentAnnealing {
    /** The rules a travel tournament may have; anything else in the season and this search does not apply. */
    record Rules(int[] maxHome, int[] maxAway, int minGap) {
        // maxHome[k] = most home games allowed in any k consecutive slots (MAX_VALUE: no rule)
    }

    private final int n;
    private final int slots;
    private final long[][] d;
    private final Rules rules;
    private final SplittableRandom random;

    // the current schedule: opponent and home flag of each team in each slot
    private final int[][] opp;
    private final boolean[][] home;
    private final long[] travel;
    private final int[] violations;
    private long totalTravel;
    private int totalViolations;

    private final int[][] bestOpp;
    private final boolean[][] bestHome;
    private long bestTravel = Long.MAX_VALUE;

    // undo log of the rows a move changed
    private final int[] touched;
    private final boolean[] isTouched;
    private int touchedCount;
    private final int[][] savedOpp;
    private final boolean[][] savedHome;
    private final long[] savedTravel;
    private final int[] savedViolations;

    private long moves;

    TournamentAnnealing(SeasonIndex ix, Rules rules, int[][] opponents, boolean[][] atHome, long seed) {
        this.n = ix.n;
        this.slots = ix.slotCount;
        this.d = ix.metres;
        this.rules = rules;
        this.random = new SplittableRandom(seed);
        this.opp = new int[n][];
        this.home = new boolean[n][];
        for (int t = 0; t < n; t++) {
            opp[t] = opponents[t].clone();
            home[t] = atHome[t].clone();
        }
        this.travel = new long[n];
        this.violations = new int[n];
        this.bestOpp = new int[n][slots];
        this.bestHome = new boolean[n][slots];
        this.touched = new int[n];
        this.isTouched = new boolean[n];
        this.savedOpp = new int[n][slots];
        this.savedHome = new boolean[n][slots];
        this.savedTravel = new long[n];
        this.savedViolations = new int[n];
        for (int t = 0; t < n; t++) {
            rescore(t);
            totalTravel += travel[t];
            totalViolations += violations[t];
        }
        if (totalViolations == 0) {
            keepBest();
        }
    }

    /**
     * The rules of {@code season} when it is a travel tournament this search handles exactly, else empty.
     */
    static Optional<Rules> rulesOf(Season season, SeasonIndex ix) {
        SeasonFormat f = season.format();
        if (!ix.hasTravel() || !f.compact() || f.roundRobin() != SeasonFormat.RoundRobin.DOUBLE || f.phased() || f.mirrored()
                || f.travel() != SeasonFormat.TravelMode.VENUE_TO_VENUE || !season.matchups().isEmpty() || ix.n < 4
                || ix.slotCount != 2 * (ix.n - 1) || season.weights().travel() <= 0) {
            return Optional.empty();
        }
        Set<String> all = new HashSet<>();
        for (Team t : season.teams()) {
            all.add(t.id());
        }
        int[] maxHome = unlimited(ix.slotCount);
        int[] maxAway = unlimited(ix.slotCount);
        int minGap = 0;
        for (SeasonConstraint c : season.constraints()) {
            if (!c.hard()) {
                return Optional.empty();
            }
            ConstraintParams p = new ConstraintParams(c);
            if (c.type() == ConstraintType.CA3) {
                String mode = p.text("mode1", "HA");
                int window = p.integer("intp");
                if (p.integer("min", 0) != 0 || !all.equals(new HashSet<>(p.strings("teams1")))
                        || !all.equals(new HashSet<>(p.strings("teams2"))) || window < 1 || window > ix.slotCount
                        || !(mode.equals("H") || mode.equals("A"))) {
                    return Optional.empty();
                }
                int[] max = mode.equals("H") ? maxHome : maxAway;
                max[window] = Math.min(max[window], p.integer("max", Integer.MAX_VALUE));
            } else if (c.type() == ConstraintType.SE1) {
                if (!all.equals(new HashSet<>(p.strings("teams")))) {
                    return Optional.empty();
                }
                minGap = Math.max(minGap, p.integer("min"));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Rules(maxHome, maxAway, minGap));
    }

    private static int[] unlimited(int slots) {
        int[] max = new int[slots + 1];
        java.util.Arrays.fill(max, Integer.MAX_VALUE);
        return max;
    }

    long moves() {
        return moves;
    }

    boolean hasBest() {
        return bestTravel != Long.MAX_VALUE;
    }

    long bestTravel() {
        return bestTravel;
    }

    /**
     * Anneals until {@code seconds} have passed or {@code stop} says so: geometric cooling from a
     * temperature that makes an average leg's worsening likely to be accepted down to one where it
     * almost never is, then again from the best schedule (a reheat), each cycle as long as the last
     * one's improvements suggest.
     */
    void run(double seconds, BooleanSupplier stop) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        double meanLeg = meanDistance();
        double hot = 0.4 * meanLeg;
        double cold = 0.002 * meanLeg;
        double weight = 2.0 * meanLeg;
        long cycle = 200_000L * n;
        while (true) {
            double temperature = hot;
            double cooling = Math.pow(cold / hot, 1.0 / cycle);
            for (long i = 0; i < cycle; i++) {
                if ((i & 4095) == 0) {
                    if (System.nanoTime() >= deadline || stop.getAsBoolean()) {
                        return;
                    }
                    weight = totalViolations > 0 ? Math.min(weight * 1.03, 1e3 * meanLeg) : Math.max(weight / 1.03, 0.05 * meanLeg);
                }
                double before = totalTravel + weight * totalViolations;
                move();
                moves++;
                double delta = totalTravel + weight * totalViolations - before;
                if (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature)) {
                    clearTouched();
                    if (totalViolations == 0 && totalTravel < bestTravel) {
                        keepBest();
                    }
                } else {
                    undo();
                }
                temperature *= cooling;
            }
            if (hasBest()) {
                restoreBest();
            }
        }
    }

    private double meanDistance() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sum += d[i][j];
            }
        }
        return Math.max(1.0, sum / (n * (n - 1.0)));
    }

    /** One random move, its changed rows rescored (and logged for {@link #undo}). */
    private void move() {
        touchedCount = 0;
        switch (random.nextInt(5)) {
            case 0 -> swapHomes(random.nextInt(n), random.nextInt(n));
            case 1 -> swapRounds(random.nextInt(slots), random.nextInt(slots));
            case 2 -> swapTeams(random.nextInt(n), random.nextInt(n));
            case 3 -> partialSwapRounds(random.nextInt(n), random.nextInt(slots), random.nextInt(slots));
            default -> partialSwapTeams(random.nextInt(n), random.nextInt(n), random.nextInt(slots));
        }
        for (int k = 0; k < touchedCount; k++) {
            int t = touched[k];
            totalTravel -= travel[t];
            totalViolations -= violations[t];
            rescore(t);
            totalTravel += travel[t];
            totalViolations += violations[t];
        }
    }

    private void touch(int t) {
        if (!isTouched[t]) {
            isTouched[t] = true;
            touched[touchedCount++] = t;
            System.arraycopy(opp[t], 0, savedOpp[t], 0, slots);
            System.arraycopy(home[t], 0, savedHome[t], 0, slots);
            savedTravel[t] = travel[t];
            savedViolations[t] = violations[t];
        }
    }

    private void undo() {
        for (int k = 0; k < touchedCount; k++) {
            int t = touched[k];
            totalTravel += savedTravel[t] - travel[t];
            totalViolations += savedViolations[t] - violations[t];
            System.arraycopy(savedOpp[t], 0, opp[t], 0, slots);
            System.arraycopy(savedHome[t], 0, home[t], 0, slots);
            travel[t] = savedTravel[t];
            violations[t] = savedViolations[t];
        }
        clearTouched();
    }

    private void clearTouched() {
        for (int k = 0; k < touchedCount; k++) {
            isTouched[touched[k]] = false;
        }
        touchedCount = 0;
    }

    /** The two games of i and j swap venues. */
    private void swapHomes(int i, int j) {
        if (i == j) {
            return;
        }
        touch(i);
        touch(j);
        for (int s = 0; s < slots; s++) {
            if (opp[i][s] == j) {
                home[i][s] = !home[i][s];
                home[j][s] = !home[j][s];
            }
        }
    }

    /** Slots k and l swap for every team. */
    private void swapRounds(int k, int l) {
        if (k == l) {
            return;
        }
        for (int t = 0; t < n; t++) {
            touch(t);
            swapInRow(t, k, l);
        }
    }

    /** Teams i and j swap their schedules, except their own two games. */
    private void swapTeams(int i, int j) {
        if (i == j) {
            return;
        }
        touch(i);
        touch(j);
        for (int s = 0; s < slots; s++) {
            if (opp[i][s] != j) {
                exchangeGames(i, j, s);
            }
        }
    }

    /** In slot s, i takes j's game (opponent and venue) and j takes i's; their opponents' rows follow. */
    private void exchangeGames(int i, int j, int s) {
        int a = opp[i][s];
        int b = opp[j][s];
        touch(a);
        touch(b);
        boolean iHome = home[i][s];
        opp[i][s] = b;
        home[i][s] = home[j][s];
        opp[j][s] = a;
        home[j][s] = iHome;
        opp[a][s] = j;
        opp[b][s] = i;
    }

    /**
     * Team t's games in slots k and l swap, and so do those of every team reached from t through
     * opponents in k or l (the smallest set closed under them: only then is it a round robin again).
     */
    private void partialSwapRounds(int t, int k, int l) {
        if (k == l) {
            return;
        }
        int[] stack = new int[n];
        boolean[] in = new boolean[n];
        int size = 0;
        stack[size++] = t;
        in[t] = true;
        for (int p = 0; p < size; p++) {
            int u = stack[p];
            for (int v : new int[] { opp[u][k], opp[u][l] }) {
                if (!in[v]) {
                    in[v] = true;
                    stack[size++] = v;
                }
            }
        }
        if (size == n) {
            return; // the same as swapRounds, which is drawn on its own
        }
        for (int p = 0; p < size; p++) {
            touch(stack[p]);
            swapInRow(stack[p], k, l);
        }
    }

    /**
     * Teams i and j exchange their games of slot s, and of every slot needed to keep each row a double
     * round robin: i's row receives j's game of s (an opponent at a venue), which i already plays in
     * some slot q, so q is exchanged too, and so on until the set of slots closes (the repair of
     * PartialSwapTeams in the paper). Their opponents' rows stay round robins, since over those slots
     * i and j hand each other the same games. Not a move when i and j meet in one of those slots.
     */
    private void partialSwapTeams(int i, int j, int s) {
        if (i == j || opp[i][s] == j) {
            return;
        }
        boolean[] inSet = new boolean[slots];
        int[] set = new int[slots];
        int size = 0;
        inSet[s] = true;
        set[size++] = s;
        for (int p = 0; p < size; p++) {
            int received = opp[j][set[p]];
            if (received == i) {
                return;
            }
            boolean receivedHome = home[j][set[p]];
            for (int q = 0; q < slots; q++) {
                if (opp[i][q] == received && home[i][q] == receivedHome) {
                    if (!inSet[q]) {
                        inSet[q] = true;
                        set[size++] = q;
                    }
                    break;
                }
            }
        }
        touch(i);
        touch(j);
        for (int p = 0; p < size; p++) {
            exchangeGames(i, j, set[p]);
        }
    }

    /** Starts from {@code games}, a double round robin of {@code ix} (empty when it is not one). */
    static Optional<TournamentAnnealing> from(SeasonIndex ix, Rules rules, List<Assignment> games, long seed) {
        int[][] opponents = new int[ix.n][ix.slotCount];
        boolean[][] atHome = new boolean[ix.n][ix.slotCount];
        for (int[] row : opponents) {
            java.util.Arrays.fill(row, -1);
        }
        for (Assignment g : games) {
            int s = ix.slot(g.slot(), "schedule");
            int h = ix.team(g.home(), "schedule");
            int a = ix.team(g.away(), "schedule");
            if (opponents[h][s] >= 0 || opponents[a][s] >= 0) {
                return Optional.empty();
            }
            opponents[h][s] = a;
            atHome[h][s] = true;
            opponents[a][s] = h;
        }
        TournamentAnnealing search = new TournamentAnnealing(ix, rules, opponents, atHome, seed);
        return search.isValid() ? Optional.of(search) : Optional.empty();
    }

    /** The current schedule as games (rules kept or not). */
    List<Assignment> currentAssignments(SeasonIndex ix) {
        return assignments(ix, opp, home);
    }

    private static List<Assignment> assignments(SeasonIndex ix, int[][] opponents, boolean[][] atHome) {
        List<Assignment> games = new ArrayList<>();
        for (int t = 0; t < opponents.length; t++) {
            for (int s = 0; s < opponents[t].length; s++) {
                if (atHome[t][s]) {
                    games.add(new Assignment(ix.slotIndex(s), ix.teamId(t), ix.teamId(opponents[t][s])));
                }
            }
        }
        return games;
    }

    /** The current schedule is a compact double round robin (every row one, every game seen from both sides). */
    boolean isValid() {
        for (int t = 0; t < n; t++) {
            for (int s = 0; s < slots; s++) {
                int o = opp[t][s];
                if (o < 0 || o >= n || opp[o][s] != t || home[o][s] == home[t][s]) {
                    return false;
                }
            }
            if (!isRoundRobinRow(t)) {
                return false;
            }
        }
        return true;
    }

    long currentTravel() {
        return totalTravel;
    }

    int currentViolations() {
        return totalViolations;
    }

    /** Every opponent once at home and once away in t's row. */
    private boolean isRoundRobinRow(int t) {
        int[] seen = new int[n];
        for (int s = 0; s < slots; s++) {
            int o = opp[t][s];
            if (o == t) {
                return false;
            }
            seen[o] += home[t][s] ? 1 : 2;
        }
        for (int o = 0; o < n; o++) {
            if (o != t && seen[o] != 3) {
                return false;
            }
        }
        return true;
    }

    private void swapInRow(int t, int k, int l) {
        int o = opp[t][k];
        opp[t][k] = opp[t][l];
        opp[t][l] = o;
        boolean h = home[t][k];
        home[t][k] = home[t][l];
        home[t][l] = h;
    }

    /** Travel and rule deviations of team t (each rematch deviation counted by both teams: halved in the total's weight). */
    private void rescore(int t) {
        long km = 0;
        int at = t;
        for (int s = 0; s < slots; s++) {
            int next = home[t][s] ? t : opp[t][s];
            km += d[at][next];
            at = next;
        }
        km += d[at][t];
        travel[t] = km;
        int v = 0;
        for (int window = 1; window <= slots; window++) {
            int maxH = rules.maxHome()[window];
            int maxA = rules.maxAway()[window];
            if (maxH == Integer.MAX_VALUE && maxA == Integer.MAX_VALUE) {
                continue;
            }
            int h = 0;
            for (int s = 0; s < slots; s++) {
                h += home[t][s] ? 1 : 0;
                if (s >= window) {
                    h -= home[t][s - window] ? 1 : 0;
                }
                if (s >= window - 1) {
                    v += Math.max(0, h - maxH) + Math.max(0, window - h - maxA);
                }
            }
        }
        if (rules.minGap() > 0) {
            for (int s = 0; s < slots; s++) {
                int o = opp[t][s];
                for (int q = s + 1; q <= Math.min(slots - 1, s + rules.minGap()); q++) {
                    if (opp[t][q] == o) {
                        v += rules.minGap() - (q - s - 1);
                    }
                }
            }
        }
        violations[t] = v;
    }

    /** The best rule-abiding schedule so far and its travel (metres), or null; callable from any thread. */
    synchronized Best best(SeasonIndex ix) {
        return hasBest() ? new Best(bestTravel, assignments(ix, bestOpp, bestHome)) : null;
    }

    record Best(long travelMetres, List<Assignment> games) {
    }

    private synchronized void keepBest() {
        bestTravel = totalTravel;
        for (int t = 0; t < n; t++) {
            System.arraycopy(opp[t], 0, bestOpp[t], 0, slots);
            System.arraycopy(home[t], 0, bestHome[t], 0, slots);
        }
    }

    private void restoreBest() {
        totalTravel = 0;
        totalViolations = 0;
        for (int t = 0; t < n; t++) {
            System.arraycopy(bestOpp[t], 0, opp[t], 0, slots);
            System.arraycopy(bestHome[t], 0, home[t], 0, slots);
            rescore(t);
            totalTravel += travel[t];
            totalViolations += violations[t];
        }
    }
}
