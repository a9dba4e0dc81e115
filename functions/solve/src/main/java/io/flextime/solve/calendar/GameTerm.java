package io.flextime.solve.calendar;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.rules.Mode;

/**
 * A rule over games of several teams (per slot, per date or in total), kept up to date game by game:
 * {@link #add} is called with +1 when a game is placed and −1 when it is removed, and the deviation is
 * maintained with it, so a move costs O(1) per game it touches whatever the season's size.
 */
abstract class GameTerm {
    final String constraintId;
    final boolean hard;
    final int penalty;
    int deviation;

    GameTerm(String constraintId, boolean hard, int penalty) {
        this.constraintId = constraintId;
        this.hard = hard;
        this.penalty = penalty;
    }

    abstract void add(int slot, int home, int away, int sign);

    /** Posts this (hard) rule into the lean CP-SAT model of a first schedule ({@link LeanCalendarModel}). */
    abstract void postLean(LeanCalendarModel m);

    /** Whether a game in this slot can change the term (the state only calls {@link #add} for those). */
    boolean covers(int slot) {
        return true;
    }

    /** A slot where this term is violated, for moves aimed at it (from {@code from} on, cyclically), or −1. */
    int violatedSlot(int from) {
        return -1;
    }

    /** Forget every game (the terms' state before the first placement). */
    abstract void clear();

    /** The same rule with counters of its own (one per search thread). */
    abstract GameTerm copy();

    static int outside(int count, int min, int max) {
        return Math.max(0, count - max) + Math.max(0, min - count);
    }

    /** CA4: games between teams1 and teams2 (by mode) in the slots, per slot (EVERY) or in total (GLOBAL). */
    static final class SlotCapacity extends GameTerm {
        private final Mode mode;
        private final boolean[] teams1;
        private final boolean[] teams2;
        private final boolean[] inSlots;
        private final boolean every;
        private final int min;
        private final int max;
        private final int[] perSlot;
        private final int slotsCovered;
        private int total;

        SlotCapacity(String id, boolean hard, int penalty, Mode mode, boolean[] teams1, boolean[] teams2, boolean[] inSlots,
                boolean every, int min, int max) {
            super(id, hard, penalty);
            this.mode = mode;
            this.teams1 = teams1;
            this.teams2 = teams2;
            this.inSlots = inSlots;
            this.every = every;
            this.min = min;
            this.max = max;
            this.perSlot = new int[inSlots.length];
            int covered = 0;
            for (boolean b : inSlots) {
                covered += b ? 1 : 0;
            }
            this.slotsCovered = covered;
            clear();
        }

        @Override
        GameTerm copy() {
            return new SlotCapacity(constraintId, hard, penalty, mode, teams1, teams2, inSlots, every, min, max);
        }

        @Override
        void postLean(LeanCalendarModel m) {
            LinearExprBuilder total = LinearExpr.newBuilder();
            for (int s = 0; s < inSlots.length; s++) {
                if (!inSlots[s]) {
                    continue;
                }
                LinearExprBuilder here = LinearExpr.newBuilder();
                for (int g = 0; g < m.p.games(); g++) {
                    int h = m.p.gameHome[g];
                    int a = m.p.gameAway[g];
                    boolean counted = switch (mode) {
                        case H -> teams1[h] && teams2[a];
                        case A -> teams1[a] && teams2[h];
                        case HA -> (teams1[h] && teams2[a]) || (teams1[a] && teams2[h]);
                    };
                    if (counted && m.x[g][s] != null) {
                        here.add(m.x[g][s]);
                        total.add(m.x[g][s]);
                    }
                }
                if (every) {
                    m.model.addLinearConstraint(here, min, Math.min(max, m.p.games()));
                }
            }
            if (!every) {
                m.model.addLinearConstraint(total, min, Math.min(max, m.p.games()));
            }
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
            boolean counted = switch (mode) {
                case H -> teams1[home] && teams2[away];
                case A -> teams1[away] && teams2[home];
                case HA -> (teams1[home] && teams2[away]) || (teams1[away] && teams2[home]);
            };
            if (!counted) {
                return;
            }
            if (every) {
                deviation -= outside(perSlot[slot], min, max);
                perSlot[slot] += sign;
                deviation += outside(perSlot[slot], min, max);
            } else {
                deviation -= outside(total, min, max);
                perSlot[slot] += sign;
                total += sign;
                deviation += outside(total, min, max);
            }
        }

        @Override
        int violatedSlot(int from) {
            if (deviation == 0) {
                return -1;
            }
            for (int k = 0; k < inSlots.length; k++) {
                int s = (from + k) % inSlots.length;
                if (inSlots[s] && (every ? outside(perSlot[s], min, max) > 0 : total > max ? perSlot[s] > 0 : true)) {
                    return s;
                }
            }
            return -1;
        }

        @Override
        void clear() {
            java.util.Arrays.fill(perSlot, 0);
            total = 0;
            deviation = every ? slotsCovered * outside(0, min, max) : outside(0, min, max);
        }
    }

    /** SHARED_VENUE: home games of the sharing teams above one per date (per slot when undated). */
    static final class SharedVenue extends GameTerm {
        private final boolean[] sharing;
        private final int[] dateOfSlot;
        private final int[] perDate;

        SharedVenue(String id, boolean hard, int penalty, boolean[] sharing, int[] dateOfSlot, int dates) {
            super(id, hard, penalty);
            this.sharing = sharing;
            this.dateOfSlot = dateOfSlot;
            this.perDate = new int[dates];
        }

        @Override
        GameTerm copy() {
            return new SharedVenue(constraintId, hard, penalty, sharing, dateOfSlot, perDate.length);
        }

        @Override
        void postLean(LeanCalendarModel m) {
            for (int d = 0; d < perDate.length; d++) {
                LinearExprBuilder hosted = LinearExpr.newBuilder();
                for (int s = 0; s < dateOfSlot.length; s++) {
                    if (dateOfSlot[s] != d) {
                        continue;
                    }
                    for (int t = 0; t < sharing.length; t++) {
                        if (sharing[t] && m.home[t][s] != null) {
                            hosted.add(m.home[t][s]);
                        }
                    }
                }
                m.model.addLessOrEqual(hosted, 1);
            }
        }

        @Override
        int violatedSlot(int from) {
            if (deviation == 0) {
                return -1;
            }
            for (int k = 0; k < dateOfSlot.length; k++) {
                int s = (from + k) % dateOfSlot.length;
                if (perDate[dateOfSlot[s]] > 1) {
                    return s;
                }
            }
            return -1;
        }

        @Override
        void add(int slot, int home, int away, int sign) {
            if (!sharing[home]) {
                return;
            }
            int d = dateOfSlot[slot];
            deviation -= Math.max(0, perDate[d] - 1);
            perDate[d] += sign;
            deviation += Math.max(0, perDate[d] - 1);
        }

        @Override
        void clear() {
            java.util.Arrays.fill(perDate, 0);
            deviation = 0;
        }
    }

    /** GA1: how many of the listed (home, away) meetings take place in the slots, between min and max. */
    static final class MeetingPlacement extends GameTerm {
        private final int[][] listed;
        private final boolean[] inSlots;
        private final int min;
        private final int max;
        private int count;

        MeetingPlacement(String id, boolean hard, int penalty, int[][] listed, boolean[] inSlots, int min, int max) {
            super(id, hard, penalty);
            this.listed = listed;
            this.inSlots = inSlots;
            this.min = min;
            this.max = max;
            clear();
        }

        @Override
        GameTerm copy() {
            return new MeetingPlacement(constraintId, hard, penalty, listed, inSlots, min, max);
        }

        @Override
        void postLean(LeanCalendarModel m) {
            LinearExprBuilder placed = LinearExpr.newBuilder();
            long most = 0;
            for (int g = 0; g < m.p.games(); g++) {
                int times = listed[m.p.gameHome[g]][m.p.gameAway[g]];
                for (int s = 0; s < inSlots.length; s++) {
                    if (times > 0 && inSlots[s] && m.x[g][s] != null) {
                        placed.addTerm(m.x[g][s], times);
                        most += times;
                    }
                }
            }
            m.model.addLinearConstraint(placed, min, Math.min(max, most));
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
            int times = listed[home][away];
            if (times == 0) {
                return;
            }
            deviation -= outside(count, min, max);
            count += sign * times;
            deviation += outside(count, min, max);
        }

        @Override
        void clear() {
            count = 0;
            deviation = outside(0, min, max);
        }
    }
}
