package io.flextime.rules.evaluator;

import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Mode;

/**
 * A schedule as each team's sequence of games, what the reference checks read: {@code opponent[t][s]}
 * (-1 for a bye) and {@code home[t][s]} (true when t hosts). Deliberately plain: the checks recompute
 * every rule from these sequences, sharing nothing with the model's rows or the annealing's cost terms,
 * so a bug in either shows up as a mismatch instead of being repeated.
 */
public final class Timetable {
    public final SeasonIndex ix;
    public final int n;
    public final int slotCount;
    final int[][] opponent;
    final boolean[][] home;

    Timetable(SeasonIndex ix) {
        this.ix = ix;
        this.n = ix.n;
        this.slotCount = ix.slotCount;
        this.opponent = new int[n][slotCount];
        this.home = new boolean[n][slotCount];
        for (int[] row : opponent) {
            java.util.Arrays.fill(row, -1);
        }
    }

    /** The opponent of t in slot s, -1 for a bye. */
    public int opponent(int t, int s) {
        return opponent[t][s];
    }

    public boolean plays(int t, int s) {
        return opponent[t][s] >= 0;
    }

    /** Whether t hosts a game in slot s. */
    public boolean hosts(int t, int s) {
        return opponent[t][s] >= 0 && home[t][s];
    }

    /** Whether t plays a game of {@code mode} (seen from t) in slot s. */
    public boolean plays(int t, int s, Mode mode) {
        return opponent[t][s] >= 0 && mode.counts(home[t][s]);
    }

    /** Whether t plays a game of {@code mode} in slot s against one of {@code against}. */
    public boolean playsAgainst(int t, int s, Mode mode, boolean[] against) {
        return plays(t, s, mode) && against[opponent[t][s]];
    }

    /** Breaks of team t in the given slot positions: the same home/away status as in the slot before. */
    public int breaks(int t, int[] slots, Mode mode) {
        int count = 0;
        for (int s : slots) {
            if (s == 0 || opponent[t][s] < 0 || opponent[t][s - 1] < 0 || home[t][s] != home[t][s - 1]) {
                continue;
            }
            if (mode.counts(home[t][s])) {
                count++;
            }
        }
        return count;
    }

    /**
     * Pairs of t's games closer than {@code days} by date; undated slots count by slot distance when
     * {@code undatedBySlot} (the MIN_REST_DAYS rule) and not at all otherwise (the format's rest days).
     */
    public int closeGames(int t, int days, boolean undatedBySlot) {
        int count = 0;
        for (int s = 0; s < slotCount; s++) {
            for (int u = s + 1; u < slotCount; u++) {
                if (opponent[t][s] < 0 || opponent[t][u] < 0) {
                    continue;
                }
                java.time.LocalDate a = ix.date(s);
                java.time.LocalDate b = ix.date(u);
                if ((a == null || b == null) && !undatedBySlot) {
                    continue;
                }
                long apart = a != null && b != null ? Math.abs(java.time.temporal.ChronoUnit.DAYS.between(a, b)) : u - s;
                if (apart < days) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Every slot position. */
    public int[] allSlots() {
        int[] all = new int[slotCount];
        for (int s = 0; s < slotCount; s++) {
            all[s] = s;
        }
        return all;
    }

    /** A membership mask over the teams. */
    public boolean[] mask(int[] teams) {
        boolean[] in = new boolean[n];
        for (int t : teams) {
            in[t] = true;
        }
        return in;
    }

    public static int outside(int count, int min, int max) {
        return Math.max(0, count - max) + Math.max(0, min - count);
    }
}
