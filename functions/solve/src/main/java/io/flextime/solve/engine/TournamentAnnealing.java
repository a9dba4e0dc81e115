package io.flextime.solve.engine;

import io.flextime.rules.cost.RowMoves;
import io.flextime.rules.cost.ScheduleCost;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Simulated annealing over round-robin moves, after Anagnostopoulos, Michel, Van Hentenryck and
 * Vergados, "A simulated annealing approach to the traveling tournament problem" (J. Scheduling 2006),
 * whose moves Rosati, Petris, Di Gaspero and Schaerf also use for ITC2021 ("Multi-neighborhood simulated
 * annealing for the sports timetabling competition ITC2021", J. Scheduling 2022): SwapHomes,
 * SwapRounds, SwapTeams, PartialSwapRounds and PartialSwapTeams keep a double round robin. The hard
 * rules are penalised with a weight that rises while the current schedule breaks them and falls while
 * it keeps them (strategic oscillation), so the search crosses infeasible schedules. What it minimizes
 * is a {@link ScheduleCost}: travel and TTP rules ({@link TravelTournamentCost}) or RobinX constraints
 * ({@link ConstraintCost}).
 *
 * <p>Why written here: no maintained Java library searches round-robin schedules with these moves
 * (Timefold would need the whole model re-expressed in its terms), and CP-SAT's own neighbourhoods over
 * the x[h][a][s] model make thousands of moves a minute where this makes millions. Its schedules are
 * only candidates: the solver checks each with the independent evaluator before reporting it.
 *
 * <p>Each move changes the rows of a few teams (all of them for SwapRounds); the cost rescores the
 * changed rows, and a rejected move is undone by restoring them.
 */
final class TournamentAnnealing {
    /** Moves sampled to measure a typical cost change when the cost cannot say (see {@link ScheduleCost#scale}). */
    private static final int CALIBRATION_MOVES = 2000;

    private final int n;
    private final int slots;
    private final ScheduleCost cost;
    private final SplittableRandom random;

    // the current schedule: opponent and home flag of each team in each slot
    private final int[][] opp;
    private final boolean[][] home;

    private final int[][] bestOpp;
    private final boolean[][] bestHome;
    private final int[][] closestOpp;
    private final boolean[][] closestHome;
    private double bestSoft = Double.POSITIVE_INFINITY;
    /** Fewest hard deviations seen so far (0 once a schedule keeps every rule). */
    private volatile int fewestHard = Integer.MAX_VALUE;

    // undo log of the rows a move changed
    private final int[] touched;
    private final boolean[] isTouched;
    private int touchedCount;
    private final int[][] savedOpp;
    private final boolean[][] savedHome;
    // and the slots it changed in them
    private final boolean[] slotChanged;
    private final int[] changedSlots;
    private int changedSlotCount;

    private long moves;
    /**
     * Share of moves aimed at a broken hard rule while there is one (see {@link #targetedMove}). ITC2021,
     * 60 s on one thread, fewest deviations with 0.2 against none: Early_6 6 vs 8, Early_11 1 vs 2,
     * Middle_3 4 vs 6, Early_12 13 vs 13; 0.5 did no better than 0.2.
     */
    private static final double TARGETED = 0.2;
    private final int[] spot = new int[2];
    /** The slots a phased PartialSwapTeams exchanges (see {@link #partialSwapTeamsPhased}). */
    private final int[] closing;
    /** Soft cost switched off until the first feasible schedule (see {@link Schedule#softFirst}). */
    private boolean softOff;

    TournamentAnnealing(SeasonIndex ix, ScheduleCost cost, int[][] opponents, boolean[][] atHome, long seed) {
        this.n = ix.n;
        this.slots = ix.slotCount;
        this.cost = cost;
        this.random = new SplittableRandom(seed);
        this.opp = new int[n][];
        this.home = new boolean[n][];
        for (int t = 0; t < n; t++) {
            opp[t] = opponents[t].clone();
            home[t] = atHome[t].clone();
        }
        this.bestOpp = new int[n][slots];
        this.bestHome = new boolean[n][slots];
        this.closestOpp = new int[n][slots];
        this.closestHome = new boolean[n][slots];
        this.touched = new int[n];
        this.isTouched = new boolean[n];
        this.savedOpp = new int[n][slots];
        this.savedHome = new boolean[n][slots];
        this.slotChanged = new boolean[slots];
        this.changedSlots = new int[slots];
        this.closing = new int[slots];
        cost.reset(opp, home);
        keepClosest(cost.hard());
        if (cost.hard() == 0) {
            keepBest();
        }
    }

    long moves() {
        return moves;
    }

    boolean hasBest() {
        return bestSoft != Double.POSITIVE_INFINITY;
    }

    double bestSoft() {
        return bestSoft;
    }

    /** The fewest hard deviations of any schedule this search has been at. */
    int fewestHard() {
        return fewestHard;
    }

    /**
     * Temperatures and rule weights, as multiples of a unit: a typical cost change of one move, or (for
     * the feasibility stage) one unit of hard deviation.
     *
     * @param cycleSeconds length of one cooling cycle; 0: {@code 200 000 × n} moves instead
     */
    record Schedule(double hot, double cold, double minWeight, double maxWeight, double cycleSeconds) {
        /**
         * Travel tournaments (unit: the mean leg), tuned on NL6–NL12: the rule weight may climb far
         * above a leg, since the TTP rules are few and a schedule breaking them is rarely worth keeping.
         */
        static Schedule travelTournament() {
            return new Schedule(0.4, 0.002, 0.05, 1e3, 0);
        }

        /**
         * RobinX constraints before any schedule keeps them all: soft cost off, hard deviations at weight
         * 1, from a temperature that accepts one more deviation with probability e^(-1/1.5) down to one
         * that accepts it with e^(-20). Tuned on ITC2021 Early_2 and Middle_1, 60 s on one thread: with
         * the soft cost on (at 1%) and the rule weight at 1–10 typical changes, the fewest deviations
         * reached were 5–14 and 63–101; cooled like this, Early_2 became feasible and Middle_1 reached 28.
         */
        static Schedule feasibility(double seconds) {
            return new Schedule(1.5, 0.05, 1, 1, cycle(seconds));
        }

        /**
         * RobinX constraints around feasibility (unit: the mean cost change of a move from the first
         * feasible schedule): the rule weight within 1–10 units (Early_1, 60 s; 10–100 units and a
         * cooler start did no better on Early_9 and Middle_8).
         */
        static Schedule constraints(double seconds) {
            return new Schedule(0.5, 0.01, 1, 10, cycle(seconds));
        }

        private static double cycle(double seconds) {
            return Math.min(60.0, Math.max(2.0, seconds / 5));
        }
    }

    /**
     * Anneals until {@code seconds} have passed or {@code stop} says so: geometric cooling from a
     * temperature that makes a typical worsening likely to be accepted down to one where it almost never
     * is, then again from the best schedule (a reheat), cycle after cycle. A cost without its own scale
     * (RobinX constraints) is searched for feasibility alone until a schedule keeps every hard rule.
     */
    void run(double seconds, BooleanSupplier stop) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        double scale = cost.scale();
        boolean measured = scale <= 0; // RobinX constraints: no natural unit, measured on sample moves
        Schedule schedule = measured ? Schedule.constraints(seconds) : Schedule.travelTournament();
        if (measured && !hasBest()) {
            cost.scoreSoft(false, opp, home);
            softOff = true;
        }
        double weight = 2.0 * Math.max(scale, 1.0);
        long cycleMoves = 200_000L * n;
        while (true) {
            boolean feasibilityStage = softOff;
            if (measured && !feasibilityStage && scale <= 0) {
                // Measured from a feasible schedule: moves from there change the cost far less than from a
                // constructed start (Early_1: 87 from the circle method's), and temperatures fit for
                // the start would only scramble it.
                scale = calibrate();
                weight = 2.0 * scale;
            }
            Schedule stage = feasibilityStage ? Schedule.feasibility(seconds) : schedule;
            double unit = feasibilityStage ? 1.0 : scale;
            double hot = stage.hot() * unit;
            double cold = stage.cold() * unit;
            double temperature = hot;
            double cooling = Math.pow(cold / hot, 1.0 / cycleMoves);
            long cycleNanos = (long) (stage.cycleSeconds() * 1e9);
            long cycleStart = System.nanoTime();
            for (long i = 0; cycleNanos > 0 || i < cycleMoves; i++) {
                if ((i & 4095) == 0) {
                    long now = System.nanoTime();
                    if (now >= deadline || stop.getAsBoolean()) {
                        return;
                    }
                    if (feasibilityStage && !softOff) {
                        break; // feasible: on with the soft cost
                    }
                    weight = cost.hard() > 0 ? Math.min(weight * 1.03, stage.maxWeight() * unit)
                            : Math.max(weight / 1.03, stage.minWeight() * unit);
                    if (cycleNanos > 0) {
                        double done = (double) (now - cycleStart) / cycleNanos;
                        if (done >= 1) {
                            break;
                        }
                        temperature = hot * Math.pow(cold / hot, done);
                    }
                }
                double before = cost.soft() + weight * cost.hard();
                move();
                moves++;
                double delta = cost.soft() + weight * cost.hard() - before;
                if (!cost.breaksStructure() && (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature))) {
                    accept();
                } else {
                    undo();
                }
                if (cycleNanos == 0) {
                    temperature *= cooling;
                }
            }
            if (hasBest()) {
                restoreBest();
            }
        }
    }

    /** {@code count} random moves, each kept or undone at random: exercises the cost's rescoring and undo (tests). */
    void walk(int count) {
        for (int k = 0; k < count; k++) {
            move();
            moves++;
            if (random.nextBoolean() && !cost.breaksStructure()) {
                accept();
            } else {
                undo();
            }
        }
    }

    /**
     * Makes the phased PartialSwapTeams of i and j through slot s and keeps it (tests); false when it is
     * no move (i meets j in a slot it needs, or a pair's venues would repeat).
     */
    boolean keepPartialSwapTeamsPhased(int i, int j, int s) {
        touchedCount = 0;
        partialSwapTeamsPhased(i, j, s);
        boolean moved = touchedCount > 0;
        cost.rescore(opp, home, savedOpp, savedHome, touched, touchedCount, changedSlots, changedSlotCount);
        accept();
        return moved;
    }

    /** Switches the soft cost off or on (tests; the search does so itself, see {@link #run}). */
    void scoreSoft(boolean on) {
        cost.scoreSoft(on, opp, home);
        softOff = !on;
    }

    /** The mean size of a cost change over sample moves (all undone); 1 when none changes it. */
    private double calibrate() {
        double sum = 0;
        int changed = 0;
        for (int k = 0; k < CALIBRATION_MOVES; k++) {
            double before = cost.soft() + cost.hard();
            move();
            double delta = Math.abs(cost.soft() + cost.hard() - before);
            if (delta > 0) {
                sum += delta;
                changed++;
            }
            undo();
        }
        return changed == 0 ? 1.0 : sum / changed;
    }

    private void accept() {
        cost.accept();
        clearTouched();
        int hard = cost.hard();
        if (hard < fewestHard) {
            keepClosest(hard);
        }
        if (hard == 0 && softOff) {
            cost.scoreSoft(true, opp, home);
            softOff = false;
        }
        if (hard == 0 && cost.soft() < bestSoft) {
            keepBest();
        }
    }

    /** One random move, its changed rows rescored (and logged for {@link #undo}). */
    private void move() {
        touchedCount = 0;
        if (cost.hard() > 0 && random.nextDouble() < TARGETED && cost.brokenSpot(random, spot)) {
            targetedMove(spot[0], spot[1]);
        } else {
            randomMove();
        }
        cost.rescore(opp, home, savedOpp, savedHome, touched, touchedCount, changedSlots, changedSlotCount);
    }

    /**
     * A move through team t's game in slot s, where a broken hard rule reads: the same five kinds, with t
     * and s given and the rest drawn (random moves rarely hit the one game a tight rule is about).
     */
    private void targetedMove(int t, int s) {
        switch (random.nextInt(4)) {
            case 0 -> swapHomes(t, opp[t][s]);
            case 1 -> swapRounds(s, otherRound(s));
            case 2 -> partialSwapRounds(t, s, otherRound(s));
            default -> anyPartialSwapTeams(t, random.nextInt(n), s);
        }
    }

    private void randomMove() {
        switch (random.nextInt(5)) {
            case 0 -> swapHomes(random.nextInt(n), random.nextInt(n));
            case 1 -> {
                int k = random.nextInt(slots);
                swapRounds(k, otherRound(k));
            }
            case 2 -> swapTeams(random.nextInt(n), random.nextInt(n));
            case 3 -> {
                int k = random.nextInt(slots);
                partialSwapRounds(random.nextInt(n), k, otherRound(k));
            }
            default -> anyPartialSwapTeams(random.nextInt(n), random.nextInt(n), random.nextInt(slots));
        }
    }

    private void anyPartialSwapTeams(int i, int j, int s) {
        if (cost.phased()) {
            partialSwapTeamsPhased(i, j, s);
        } else {
            partialSwapTeams(i, j, s);
        }
    }

    /** A round to swap with k: any, or in a phased season one of the same half (whole rounds keep the phase then). */
    private int otherRound(int k) {
        if (!cost.phased()) {
            return random.nextInt(slots);
        }
        int half = slots / 2;
        return k < half ? random.nextInt(half) : half + random.nextInt(slots - half);
    }

    /** Slot s changed in the touched rows (the cost rescoring only what reads it). */
    private void markSlot(int s) {
        if (!slotChanged[s]) {
            slotChanged[s] = true;
            changedSlots[changedSlotCount++] = s;
        }
    }

    private void touch(int t) {
        if (!isTouched[t]) {
            isTouched[t] = true;
            touched[touchedCount++] = t;
            System.arraycopy(opp[t], 0, savedOpp[t], 0, slots);
            System.arraycopy(home[t], 0, savedHome[t], 0, slots);
        }
    }

    private void undo() {
        for (int k = 0; k < touchedCount; k++) {
            int t = touched[k];
            System.arraycopy(savedOpp[t], 0, opp[t], 0, slots);
            System.arraycopy(savedHome[t], 0, home[t], 0, slots);
        }
        cost.undo();
        clearTouched();
    }

    private void clearTouched() {
        for (int k = 0; k < touchedCount; k++) {
            isTouched[touched[k]] = false;
        }
        touchedCount = 0;
        for (int k = 0; k < changedSlotCount; k++) {
            slotChanged[changedSlots[k]] = false;
        }
        changedSlotCount = 0;
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
                markSlot(s);
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
        markSlot(s);
        touch(opp[i][s]);
        touch(opp[j][s]);
        RowMoves.exchangeGames(opp, home, i, j, s);
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

    /**
     * PartialSwapTeams for a phased season, after Rosati et al.'s PartialSwapTeamsPhased: the repair closes
     * over the slots of s's half only, matching opponents regardless of venue (each pair meets once per
     * half), so the phase holds by construction. The plain repair matches venues too and so mostly
     * reaches into the other half, a move the phase forbids; without this move a phased season's
     * timetable could only be relabelled (SwapTeams), reordered (SwapRounds, within a half) and re-venued,
     * never changed in who meets whom in which round. Made only when each game i or j receives leaves its
     * pair's two venues opposite: re-venuing a pair that breaks would change a third team's home/away
     * pattern, and doing so (in that half or the other) left ITC2021 Test7 at 91-102 hard deviations
     * after 60 s on one thread, against 11-20 this way (Middle_1 23-35 either way, Early_4 15-28).
     */
    private void partialSwapTeamsPhased(int i, int j, int s) {
        if (i == j || opp[i][s] == j) {
            return;
        }
        int half = slots / 2;
        int lo = s < half ? 0 : half;
        int hi = s < half ? half : slots;
        int otherLo = s < half ? half : 0;
        int otherHi = s < half ? slots : half;
        int size = 0;
        closing[size++] = s;
        for (int p = 0; p < size; p++) {
            int received = opp[j][closing[p]];
            if (received == i) {
                return;
            }
            int q = slotAgainst(i, received, lo, hi);
            if (q < 0) {
                return; // not phased yet (a start that breaks the phase): no such move
            }
            if (!contains(closing, size, q)) {
                closing[size++] = q;
            }
        }
        for (int p = 0; p < size; p++) {
            int q = closing[p];
            if (venueRepeats(i, opp[j][q], home[j][q], otherLo, otherHi)
                    || venueRepeats(j, opp[i][q], home[i][q], otherLo, otherHi)) {
                return;
            }
        }
        touch(i);
        touch(j);
        for (int p = 0; p < size; p++) {
            exchangeGames(i, j, closing[p]);
        }
    }

    /** Whether t, playing o with home flag {@code atHome} in one half, meets o at that venue in the other half too (or not at all there). */
    private boolean venueRepeats(int t, int o, boolean atHome, int otherLo, int otherHi) {
        int r = slotAgainst(t, o, otherLo, otherHi);
        return r < 0 || home[t][r] == atHome;
    }

    /** The slot in [lo, hi) where t plays o, or -1. */
    private int slotAgainst(int t, int o, int lo, int hi) {
        for (int r = lo; r < hi; r++) {
            if (opp[t][r] == o) {
                return r;
            }
        }
        return -1;
    }

    private static boolean contains(int[] values, int size, int value) {
        for (int k = 0; k < size; k++) {
            if (values[k] == value) {
                return true;
            }
        }
        return false;
    }

    /** Starts from {@code games}, a double round robin of {@code ix} (empty when it is not one). */
    static Optional<TournamentAnnealing> from(SeasonIndex ix, ScheduleCost cost, List<Assignment> games, long seed) {
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
        TournamentAnnealing search = new TournamentAnnealing(ix, cost, opponents, atHome, seed);
        return search.isValid() ? Optional.of(search) : Optional.empty();
    }

    /** The current schedule as games (rules kept or not). */
    List<Assignment> currentAssignments(SeasonIndex ix) {
        return assignments(ix, opp, home);
    }

    /** The games of a schedule given as rows (opponent and home flag of each team in each slot). */
    static List<Assignment> assignments(SeasonIndex ix, int[][] opponents, boolean[][] atHome) {
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

    double currentSoft() {
        return cost.soft();
    }

    int currentHard() {
        return cost.hard();
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
        markSlot(k);
        markSlot(l);
        int o = opp[t][k];
        opp[t][k] = opp[t][l];
        opp[t][l] = o;
        boolean h = home[t][k];
        home[t][k] = home[t][l];
        home[t][l] = h;
    }

    /** The best rule-abiding schedule so far and its travel (metres), or null; callable from any thread. */
    synchronized Best best(SeasonIndex ix) {
        return hasBest() ? new Best(bestSoft, assignments(ix, bestOpp, bestHome)) : null;
    }

    /** A schedule that keeps every hard rule and its soft cost (the season's objective, as the cost scores it). */
    record Best(double soft, List<Assignment> games) {
    }

    /** The schedule with the fewest hard deviations so far (while none keeps every rule, the best start for a repair). */
    synchronized List<Assignment> closest(SeasonIndex ix) {
        return assignments(ix, closestOpp, closestHome);
    }

    private synchronized void keepClosest(int hard) {
        fewestHard = hard;
        for (int t = 0; t < n; t++) {
            System.arraycopy(opp[t], 0, closestOpp[t], 0, slots);
            System.arraycopy(home[t], 0, closestHome[t], 0, slots);
        }
    }

    private synchronized void keepBest() {
        bestSoft = cost.soft();
        for (int t = 0; t < n; t++) {
            System.arraycopy(opp[t], 0, bestOpp[t], 0, slots);
            System.arraycopy(home[t], 0, bestHome[t], 0, slots);
        }
    }

    private void restoreBest() {
        for (int t = 0; t < n; t++) {
            System.arraycopy(bestOpp[t], 0, opp[t], 0, slots);
            System.arraycopy(bestHome[t], 0, home[t], 0, slots);
        }
        cost.reset(opp, home);
    }
}
