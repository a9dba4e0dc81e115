package io.flextime.solve.calendar;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.rules.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar search's terms of the sequence family (rules on a team's own games in order, byes
 * skipped), read from one team's row like the other {@link TeamTerm}s; definitions term for term the
 * rules module's reference checks ({@code CalendarCostTest} checks that they agree).
 */
final class SequenceTerms {
    private SequenceTerms() {
    }

    /** WEEKDAY_PATTERN: runs of consecutive games on the pattern's weekdays, rising dates, fewer than {@code within} days. */
    static final class WeekdayPattern extends TeamTerm {
        /** ISO weekday (1–7) per slot, 0 when undated. */
        private final int[] weekday;
        private final int[] day;
        private final int[] pattern;
        private final int within;

        WeekdayPattern(String id, boolean hard, int penalty, int[] weekday, int[] day, int[] pattern, int within) {
            super(id, hard, penalty);
            this.weekday = weekday;
            this.day = day;
            this.pattern = pattern;
            this.within = within;
        }

        @Override
        int deviation(TeamRow row) {
            int m = pattern.length;
            int dev = 0;
            for (int i = 0; i + m <= row.games; i++) {
                if (matches(row, i)) {
                    dev++;
                }
            }
            return dev;
        }

        private boolean matches(TeamRow row, int first) {
            for (int k = 0; k < pattern.length; k++) {
                int s = row.sequence[first + k];
                if (weekday[s] != pattern[k] || (k > 0 && day[s] <= day[row.sequence[first + k - 1]])) {
                    return false;
                }
            }
            return day[row.sequence[first + pattern.length - 1]] - day[row.sequence[first]] < within;
        }
    }

    /** GAME_WINDOW: games of a mode among the team's first (last) {@code games} games, between min and max. */
    static final class GameWindow extends TeamTerm {
        private final boolean first;
        private final int games;
        private final Mode mode;
        private final int min;
        private final int max;

        GameWindow(String id, boolean hard, int penalty, boolean first, int games, Mode mode, int min, int max) {
            super(id, hard, penalty);
            this.first = first;
            this.games = games;
            this.mode = mode;
            this.min = min;
            this.max = max;
        }

        @Override
        int deviation(TeamRow row) {
            int k = Math.min(games, row.games);
            int from = first ? 0 : row.games - k;
            int count = 0;
            for (int i = from; i < from + k; i++) {
                if (mode.counts(row.home(row.sequence[i]))) {
                    count++;
                }
            }
            return outside(count, min, max);
        }

        /** The lean model knows each team's slots: its first (last) games are on its first (last) slots. */
        @Override
        void postLean(LeanCalendarModel m, int t) {
            List<Integer> own = new ArrayList<>();
            for (int s = 0; s < m.p.slotCount; s++) {
                if (m.home[t][s] != null) {
                    own.add(s);
                }
            }
            int k = Math.min(games, own.size());
            List<Integer> window = first ? own.subList(0, k) : own.subList(own.size() - k, own.size());
            LinearExprBuilder count = LinearExpr.newBuilder();
            for (int s : window) {
                switch (mode) {
                    case H -> count.add(m.home[t][s]);
                    case A -> count.add(m.away[t][s]);
                    case HA -> count.add(m.plays(t, s));
                }
            }
            m.model.addLinearConstraint(count, Math.max(0, min), Math.min(max, k));
        }
    }

    /** CONSECUTIVE_GAMES: games of a mode in every run of {@code games} consecutive games, between min and max. */
    static final class ConsecutiveGames extends TeamTerm {
        private final int games;
        private final Mode mode;
        private final int min;
        private final int max;

        ConsecutiveGames(String id, boolean hard, int penalty, int games, Mode mode, int min, int max) {
            super(id, hard, penalty);
            this.games = games;
            this.mode = mode;
            this.min = min;
            this.max = max;
        }

        @Override
        int deviation(TeamRow row) {
            if (row.games < games) {
                return 0;
            }
            int count = 0;
            for (int i = 0; i < games; i++) {
                count += mode.counts(row.home(row.sequence[i])) ? 1 : 0;
            }
            int dev = outside(count, min, max);
            for (int i = games; i < row.games; i++) {
                count += (mode.counts(row.home(row.sequence[i])) ? 1 : 0) - (mode.counts(row.home(row.sequence[i - games])) ? 1 : 0);
                dev += outside(count, min, max);
            }
            return dev;
        }
    }
}
