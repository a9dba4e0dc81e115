package io.flextime.solve.calendar;

import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.rules.Mode;

/**
 * GAMES_SPREAD in the calendar search: each team's count of games of a mode in the covered slots, kept
 * up to date game by game; the deviation max(0, largest − smallest − spread) is recomputed over the
 * teams' counts on each change (O(teams), a handful of additions for a conference).
 */
final class SpreadTerm extends GameTerm {
    private final Mode mode;
    private final boolean[] teams;
    private final boolean[] inSlots;
    private final int spread;
    private final int[] count;

    SpreadTerm(String id, boolean hard, int penalty, Mode mode, boolean[] teams, boolean[] inSlots, int spread) {
        super(id, hard, penalty);
        this.mode = mode;
        this.teams = teams;
        this.inSlots = inSlots;
        this.spread = spread;
        this.count = new int[teams.length];
        clear();
    }

    @Override
    boolean covers(int slot) {
        return inSlots[slot];
    }

    @Override
    void add(int slot, int home, int away, int sign) {
        if (!inSlots[slot]) {
            return;
        }
        boolean changed = false;
        if (mode.countsHome() && teams[home]) {
            count[home] += sign;
            changed = true;
        }
        if (mode.countsAway() && teams[away]) {
            count[away] += sign;
            changed = true;
        }
        if (changed) {
            deviation = spreadExcess();
        }
    }

    private int spreadExcess() {
        int largest = Integer.MIN_VALUE;
        int smallest = Integer.MAX_VALUE;
        int members = 0;
        for (int t = 0; t < teams.length; t++) {
            if (teams[t]) {
                largest = Math.max(largest, count[t]);
                smallest = Math.min(smallest, count[t]);
                members++;
            }
        }
        return members < 2 ? 0 : Math.max(0, largest - smallest - spread);
    }

    @Override
    void clear() {
        java.util.Arrays.fill(count, 0);
        deviation = 0;
    }

    @Override
    GameTerm copy() {
        return new SpreadTerm(constraintId, hard, penalty, mode, teams, inSlots, spread);
    }

    /** Some lo ≤ every team's count ≤ lo + spread. */
    @Override
    void postLean(LeanCalendarModel m) {
        int covered = 0;
        for (boolean b : inSlots) {
            covered += b ? 1 : 0;
        }
        IntVar lo = m.model.newIntVar(0, covered, "spreadlo_" + constraintId);
        for (int t = 0; t < teams.length; t++) {
            if (!teams[t]) {
                continue;
            }
            LinearExprBuilder c = LinearExpr.newBuilder();
            for (int s = 0; s < inSlots.length; s++) {
                if (inSlots[s] && m.home[t][s] != null) {
                    switch (mode) {
                        case H -> c.add(m.home[t][s]);
                        case A -> c.add(m.away[t][s]);
                        case HA -> c.add(m.plays(t, s));
                    }
                }
            }
            c.addTerm(lo, -1);
            m.model.addLinearConstraint(c, 0, spread);
        }
    }
}
