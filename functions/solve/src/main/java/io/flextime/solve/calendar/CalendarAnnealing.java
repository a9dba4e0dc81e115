package io.flextime.solve.calendar;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One thread of the calendar search: simulated annealing over {@link CalendarMoves} on its own
 * {@link CalendarState}. Hard rules are priced by a weight that rises while the schedule breaks them and
 * falls while it keeps them (strategic oscillation), so the search crosses infeasible schedules on its way
 * between feasible ones; temperatures fall geometrically over cycles, each next cycle from the best
 * schedule. The best feasible schedule and the schedule nearest to feasible are published for the
 * coordinating thread ({@link CalendarSearch}).
 */
final class CalendarAnnealing implements Runnable {
    /** Moves between checks of the clock, the stop request and the hard weight. */
    private static final int BATCH = 2048;
    private static final double WEIGHT_STEP = 1.04;

    private final CalendarProblem p;
    private final CalendarState st;
    private final CalendarMoves moves;
    private final SplittableRandom random;
    private final long deadlineNanos;
    private final double cycleSeconds;
    private final BooleanSupplier stop;

    /** A published schedule: read by the coordinating thread as one reference, never half-updated. */
    record Published(int[][] schedule, double objective, int hard) {
    }

    private volatile Published bestFeasible;
    private double bestObjective = Double.POSITIVE_INFINITY;
    private volatile Published closest;
    private int fewestHard = Integer.MAX_VALUE;
    private volatile long moveCount;
    private final long startNanos;

    CalendarAnnealing(CalendarProblem p, int[][] start, long seed, double seconds, BooleanSupplier stop) {
        this.p = p;
        this.st = new CalendarState(p);
        this.random = new SplittableRandom(seed);
        this.moves = new CalendarMoves(st, random);
        this.startNanos = System.nanoTime();
        this.deadlineNanos = this.startNanos + (long) (seconds * 1e9);
        this.cycleSeconds = Math.max(1.0, Math.min(15.0, seconds / 4));
        this.stop = stop;
        if (start != null) {
            st.restore(start);
        }
        placeFixed();
        construct();
        record();
    }

    /** Hard FIXED_GAME games first, where they belong (they never move afterwards). */
    private void placeFixed() {
        st.begin();
        for (int g = 0; g < p.games(); g++) {
            int s = p.fixedSlot[g];
            if (s >= 0 && st.slotOf[g] != s) {
                if (st.slotOf[g] >= 0) {
                    st.unplace(g);
                }
                for (int t : new int[] {st.home[g], st.away[g]}) {
                    int e = st.gameAt[t][s];
                    if (e >= 0) {
                        st.unplace(e);
                    }
                }
                st.place(g, s);
            }
        }
        st.evaluate(0);
        st.commit();
    }

    /** Places every unplaced game, in random order, in the free slot where it costs least (hard rules first). */
    private void construct() {
        int games = p.games();
        int[] order = new int[games];
        for (int g = 0; g < games; g++) {
            order[g] = g;
        }
        for (int i = games - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        double weight = 1e9;
        for (int g : order) {
            if (st.slotOf[g] >= 0) {
                continue;
            }
            int h = st.home[g];
            int a = st.away[g];
            int bestSlot = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int s = 0; s < p.slotCount; s++) {
                if (st.gameAt[h][s] >= 0 || st.gameAt[a][s] >= 0 || !moves.may(h, a, s)) {
                    continue;
                }
                st.begin();
                st.place(g, s);
                double c = st.evaluate(weight) + random.nextDouble(); // ties broken at random
                st.rollback();
                if (c < bestCost) {
                    bestCost = c;
                    bestSlot = s;
                }
            }
            if (bestSlot >= 0) {
                st.begin();
                st.place(g, bestSlot);
                st.evaluate(weight);
                st.commit();
            }
        }
    }

    @Override
    public void run() {
        double weight = calibrateWeight();
        double t0 = calibrateTemperature(weight);
        double current = st.cost(weight);
        long cycleStart = System.nanoTime();
        double cycleT0 = t0;
        long count = 0;
        int withoutImprovement = 0;
        double bestAtCycleStart = bestObjective;
        while (true) {
            long now = System.nanoTime();
            if (now >= deadlineNanos || stop.getAsBoolean()) {
                break;
            }
            double inCycle = (now - cycleStart) / 1e9 / cycleSeconds;
            if (inCycle >= 1) {
                // next cycle from the best schedule, cooler when the last one found nothing better
                withoutImprovement = bestObjective < bestAtCycleStart ? 0 : withoutImprovement + 1;
                bestAtCycleStart = bestObjective;
                Published from = bestFeasible != null ? bestFeasible : closest;
                if (from != null) {
                    st.restore(from.schedule());
                }
                cycleT0 = t0 * Math.pow(0.5, Math.min(withoutImprovement, 4));
                cycleStart = now;
                inCycle = 0;
                current = st.cost(weight);
            }
            double temperature = cycleT0 * Math.pow(1e-3, inCycle);
            for (int k = 0; k < BATCH; k++) {
                st.begin();
                if (!move()) {
                    st.rollback();
                    continue;
                }
                double next = st.evaluate(weight);
                double delta = next - current;
                if (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature)) {
                    st.commit();
                    current = next;
                    if (st.hard() == 0 && st.objective() < bestObjective - 1e-9) {
                        record();
                    } else if (st.hard() < fewestHard) {
                        record();
                    }
                } else {
                    st.rollback();
                }
            }
            count += BATCH;
            moveCount = count;
            // strategic oscillation: the hard weight follows whether the schedule keeps the hard rules
            weight = st.hard() > 0 ? weight * WEIGHT_STEP : Math.max(weight / WEIGHT_STEP, minWeight);
            current = st.cost(weight);
        }
    }

    private double minWeight = 1;

    /** The first hard weight: well above what a typical move changes in the objective. */
    private double calibrateWeight() {
        double sum = 0;
        int k = 0;
        for (int i = 0; i < 400; i++) {
            double before = st.objective();
            st.begin();
            if (move()) {
                st.evaluate(0);
                sum += Math.abs(st.objective() - before);
                k++;
            }
            st.rollback();
        }
        double typical = k == 0 ? 1 : Math.max(1e-3, sum / k);
        minWeight = typical;
        return 4 * typical;
    }

    /** A start temperature at which a typical worsening move is accepted about a third of the time. */
    private double calibrateTemperature(double weight) {
        double sum = 0;
        int k = 0;
        double current = st.cost(weight);
        for (int i = 0; i < 400; i++) {
            st.begin();
            if (move()) {
                double d = st.evaluate(weight) - current;
                if (d > 0) {
                    sum += d;
                    k++;
                }
            }
            st.rollback();
        }
        return k == 0 ? 1 : sum / k;
    }

    private boolean move() {
        double r = random.nextDouble();
        boolean free = p.pairing != CalendarProblem.Pairing.GIVEN;
        if (st.hard() > 0 && random.nextDouble() < 0.3) {
            // aimed at what is broken: an unplaced game, or a game of a broken rule
            if (st.unplacedGames() > 0 && random.nextBoolean()) {
                return moves.insertByKempe(moves.pickGame(1.0));
            }
            int g = moves.pickViolatedGame();
            if (g >= 0) {
                if (random.nextBoolean()) {
                    int s = moves.pickSlot(st.home[g], st.away[g], st.slotOf[g]);
                    return s >= 0 && moves.relocate(g, s);
                }
                return moves.kempe(g, kempePartner(g));
            }
        }
        if (r < 0.55) {
            int g = moves.pickGame(0.5);
            int s = moves.pickSlot(st.home[g], st.away[g], st.slotOf[g]);
            return s >= 0 && moves.relocate(g, s);
        }
        if (r < 0.80) {
            int g = moves.pickGame(0);
            return st.slotOf[g] >= 0 && moves.kempe(g, kempePartner(g));
        }
        if (r < 0.86) {
            return moves.swapSlots(random.nextInt(p.slotCount), random.nextInt(p.slotCount));
        }
        if (free && r < 0.93) {
            return moves.flip(moves.pickGame(0));
        }
        if (free) {
            int g = moves.pickGame(0);
            int e = moves.otherGameInSlot(g);
            return e >= 0 && moves.swapOpponents(g, e);
        }
        int g = moves.pickGame(0.5);
        int s = moves.pickSlot(st.home[g], st.away[g], st.slotOf[g]);
        return s >= 0 && moves.relocate(g, s);
    }

    /** The other slot of a Kempe chain from game g: half the time one where its home team plays too. */
    private int kempePartner(int g) {
        if (random.nextBoolean()) {
            int e = moves.randomGameOf(st.home[g]);
            if (e >= 0 && e != g) {
                return st.slotOf[e];
            }
        }
        return random.nextInt(p.slotCount);
    }

    private void record() {
        int hard = st.hard();
        if (hard == 0 && st.objective() < bestObjective) {
            bestObjective = st.objective();
            bestFeasible = new Published(st.snapshot(), bestObjective, 0);
        }
        if (hard < fewestHard) {
            fewestHard = hard;
            closest = new Published(st.snapshot(), st.objective(), hard);
        }
    }

    /** The best feasible schedule so far, or null. */
    Published bestFeasible() {
        return bestFeasible;
    }

    /** The schedule with the fewest hard deviations so far (null before the first record). */
    Published closest() {
        return closest;
    }

    long moves() {
        return moveCount;
    }

    CalendarProblem problem() {
        return p;
    }
}
