package io.flextime.solve.calendar;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.rules.Mode;

/**
 * A rule's deviation as read from one team's row alone (the rules of a team's own sequence: capacity,
 * breaks, rest, road trips, unavailability, rematches). Definitions are those of the solve README's
 * constraint table, term for term the evaluator's; {@code CalendarCostTest} checks that they agree.
 */
abstract class TeamTerm {
    final String constraintId;
    final boolean hard;
    final int penalty;

    TeamTerm(String constraintId, boolean hard, int penalty) {
        this.constraintId = constraintId;
        this.hard = hard;
        this.penalty = penalty;
    }

    abstract int deviation(TeamRow row);

    /**
     * Posts this (hard) rule of team t into the lean CP-SAT model of a first schedule
     * ({@link LeanCalendarModel}); rules it does not need for a start post nothing (the search repairs them).
     */
    void postLean(LeanCalendarModel m, int t) {
    }

    static int outside(int count, int min, int max) {
        return Math.max(0, count - max) + Math.max(0, min - count);
    }

    /** CA1: games of a mode in a set of slots, between min and max. */
    static final class Capacity extends TeamTerm {
        private final Mode mode;
        private final long[] slots;
        private final int min;
        private final int max;

        Capacity(String id, boolean hard, int penalty, Mode mode, long[] slots, int min, int max) {
            super(id, hard, penalty);
            this.mode = mode;
            this.slots = slots;
            this.min = min;
            this.max = max;
        }

        @Override
        int deviation(TeamRow row) {
            return outside(row.count(mode, slots), min, max);
        }

        @Override
        void postLean(LeanCalendarModel m, int t) {
            LinearExprBuilder count = LinearExpr.newBuilder();
            for (int s = 0; s < m.p.slotCount; s++) {
                if ((slots[s >>> 6] & (1L << s)) != 0 && m.home[t][s] != null) {
                    switch (mode) {
                        case H -> count.add(m.home[t][s]);
                        case A -> count.add(m.away[t][s]);
                        case HA -> count.add(m.plays(t, s));
                    }
                }
            }
            m.model.addLinearConstraint(count, Math.max(0, min), Math.min(max, m.p.slotCount));
        }
    }

    /** CA2: games of a mode against a set of opponents in a set of slots, between min and max. */
    static final class OpponentCapacity extends TeamTerm {
        private final Mode mode;
        private final boolean[] against;
        private final long[] slots;
        private final int min;
        private final int max;

        OpponentCapacity(String id, boolean hard, int penalty, Mode mode, boolean[] against, long[] slots, int min, int max) {
            super(id, hard, penalty);
            this.mode = mode;
            this.against = against;
            this.slots = slots;
            this.min = min;
            this.max = max;
        }

        @Override
        int deviation(TeamRow row) {
            int count = 0;
            for (int i = 0; i < row.games; i++) {
                int s = row.sequence[i];
                if ((slots[s >>> 6] & (1L << s)) != 0 && against[row.opponent[s]] && mode.counts(row.home(s))) {
                    count++;
                }
            }
            return outside(count, min, max);
        }
    }

    /** CA3: games of a mode against a set of opponents in every window of {@code window} consecutive slots. */
    static final class WindowCapacity extends TeamTerm {
        private final Mode mode;
        private final boolean[] against;
        private final int window;
        private final int slotCount;
        private final int min;
        private final int max;

        WindowCapacity(String id, boolean hard, int penalty, Mode mode, boolean[] against, int window, int slotCount, int min,
                int max) {
            super(id, hard, penalty);
            this.mode = mode;
            this.against = against;
            this.window = window;
            this.slotCount = slotCount;
            this.min = min;
            this.max = max;
        }

        @Override
        int deviation(TeamRow row) {
            // counted[s] = matching games in slots < s (a prefix sum over the row)
            int[] counted = row.scratch;
            int c = 0;
            int next = 0;
            for (int s = 0; s < slotCount; s++) {
                counted[s] = c;
                if (next < row.games && row.sequence[next] == s) {
                    if (against[row.opponent[s]] && mode.counts(row.home(s))) {
                        c++;
                    }
                    next++;
                }
            }
            counted[slotCount] = c;
            int dev = 0;
            for (int start = 0; start + window <= slotCount; start++) {
                dev += outside(counted[start + window] - counted[start], min, max);
            }
            return dev;
        }
    }

    /** BR1: breaks (same status as in the slot right before) of a mode in a set of slots, at most {@code max}. */
    static final class Breaks extends TeamTerm {
        private final Mode mode;
        private final long[] slots;
        private final int max;

        Breaks(String id, boolean hard, int penalty, Mode mode, long[] slots, int max) {
            super(id, hard, penalty);
            this.mode = mode;
            this.slots = slots;
            this.max = max;
        }

        @Override
        int deviation(TeamRow row) {
            int breaks = 0;
            for (int i = 1; i < row.games; i++) {
                int s = row.sequence[i];
                if (row.sequence[i - 1] == s - 1 && (slots[s >>> 6] & (1L << s)) != 0) {
                    boolean home = row.home(s);
                    if (home == row.home(s - 1) && mode.counts(home)) {
                        breaks++;
                    }
                }
            }
            return Math.max(0, breaks - max);
        }
    }

    /**
     * SE1 for the pairs of this team with a higher-numbered team of the set (each pair is scored once,
     * from its lower team's row): consecutive meetings in slots s1 < s2 need {@code min} slots between.
     */
    static final class Rematch extends TeamTerm {
        private final boolean[] partners;
        private final int min;

        Rematch(String id, boolean hard, int penalty, boolean[] partners, int min) {
            super(id, hard, penalty);
            this.partners = partners;
            this.min = min;
        }

        @Override
        int deviation(TeamRow row) {
            int[] lastMeeting = row.scratch;
            java.util.Arrays.fill(lastMeeting, 0, partners.length, -1);
            int dev = 0;
            for (int i = 0; i < row.games; i++) {
                int s = row.sequence[i];
                int o = row.opponent[s];
                if (partners[o]) {
                    if (lastMeeting[o] >= 0) {
                        dev += Math.max(0, min - (s - lastMeeting[o] - 1));
                    }
                    lastMeeting[o] = s;
                }
            }
            return dev;
        }

        @Override
        void postLean(LeanCalendarModel m, int t) {
            for (int o = 0; o < partners.length; o++) {
                if (partners[o]) {
                    m.rematches(t, o, min);
                }
            }
        }
    }

    /** MIN_REST_DAYS: pairs of the team's games fewer than {@code days} apart (by date; by slot when undated). */
    static final class Rest extends TeamTerm {
        private final int[] day;
        private final int days;

        Rest(String id, boolean hard, int penalty, int[] day, int days) {
            super(id, hard, penalty);
            this.day = day;
            this.days = days;
        }

        @Override
        int deviation(TeamRow row) {
            int close = 0;
            int from = 0;
            for (int i = 1; i < row.games; i++) {
                int d = day[row.sequence[i]];
                while (d - day[row.sequence[from]] >= days) {
                    from++;
                }
                close += i - from;
            }
            return close;
        }

        @Override
        void postLean(LeanCalendarModel m, int t) {
            m.rest(t, day, days);
        }
    }

    /** MAX_ROAD_TRIP: away games played while the trip already holds {@code max} (a bye does not end a trip). */
    static final class RoadTrip extends TeamTerm {
        private final int max;

        RoadTrip(String id, boolean hard, int penalty, int max) {
            super(id, hard, penalty);
            this.max = max;
        }

        @Override
        int deviation(TeamRow row) {
            int trip = 0;
            int dev = 0;
            for (int i = 0; i < row.games; i++) {
                trip = row.home(row.sequence[i]) ? 0 : trip + 1;
                if (trip > max) {
                    dev++;
                }
            }
            return dev;
        }

        @Override
        void postLean(LeanCalendarModel m, int t) {
            m.roadTrips(t, max);
        }
    }

    /** TEAM_UNAVAILABLE (and VENUE_UNAVAILABLE for a team based there, mode H): games of a mode in the covered slots. */
    static final class Unavailable extends TeamTerm {
        private final Mode mode;
        private final long[] slots;

        Unavailable(String id, boolean hard, int penalty, Mode mode, long[] slots) {
            super(id, hard, penalty);
            this.mode = mode;
            this.slots = slots;
        }

        @Override
        int deviation(TeamRow row) {
            return row.count(mode, slots);
        }
    }

    /** A soft FIXED_GAME, scored on its home team's row: 1 unless it hosts {@code away} in {@code slot}. */
    static final class FixedGame extends TeamTerm {
        private final int away;
        private final int slot;

        FixedGame(String id, boolean hard, int penalty, int away, int slot) {
            super(id, hard, penalty);
            this.away = away;
            this.slot = slot;
        }

        @Override
        int deviation(TeamRow row) {
            return slot >= 0 && row.opponent[slot] == away && row.home(slot) ? 0 : 1;
        }
    }
}
