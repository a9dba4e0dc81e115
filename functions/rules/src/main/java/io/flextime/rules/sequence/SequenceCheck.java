package io.flextime.rules.sequence;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.ConsecutiveGames;
import io.flextime.core.rules.GameWindow;
import io.flextime.core.rules.WeekdayPattern;
import io.flextime.rules.evaluator.Timetable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The reference checks of the sequence family, on each team's played slots in order. */
final class SequenceCheck {
    private SequenceCheck() {
    }

    /** The slots team t plays, in order. */
    static List<Integer> games(Timetable tt, int t) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < tt.slotCount; s++) {
            if (tt.plays(t, s)) {
                out.add(s);
            }
        }
        return out;
    }

    static int consecutiveGames(Timetable tt, SeasonConstraint c, ConsecutiveGames r) {
        int dev = 0;
        for (int t : tt.ix.teams(r.teams(), c.id())) {
            List<Integer> games = games(tt, t);
            for (int i = 0; i + r.games() <= games.size(); i++) {
                int count = 0;
                for (int s : games.subList(i, i + r.games())) {
                    if (tt.plays(t, s, r.mode())) {
                        count++;
                    }
                }
                dev += Timetable.outside(count, r.min(), r.max());
            }
        }
        return dev;
    }

    static int gameWindow(Timetable tt, SeasonConstraint c, GameWindow r) {
        int dev = 0;
        for (int t : tt.ix.teams(r.teams(), c.id())) {
            List<Integer> games = games(tt, t);
            int k = Math.min(r.games(), games.size());
            List<Integer> window = r.position() == GameWindow.Position.FIRST ? games.subList(0, k)
                    : games.subList(games.size() - k, games.size());
            int count = 0;
            for (int s : window) {
                if (tt.plays(t, s, r.mode())) {
                    count++;
                }
            }
            dev += Timetable.outside(count, r.min(), r.max());
        }
        return dev;
    }

    static int weekdayPattern(Timetable tt, SeasonConstraint c, WeekdayPattern r) {
        int m = r.weekdays().size();
        int dev = 0;
        for (int t : tt.ix.teams(r.teams(), c.id())) {
            List<Integer> games = games(tt, t);
            for (int i = 0; i + m <= games.size(); i++) {
                if (matches(tt, games.subList(i, i + m), r)) {
                    dev++;
                }
            }
        }
        return dev;
    }

    private static boolean matches(Timetable tt, List<Integer> run, WeekdayPattern r) {
        LocalDate previous = null;
        for (int k = 0; k < run.size(); k++) {
            LocalDate d = tt.ix.date(run.get(k));
            if (d == null || d.getDayOfWeek() != r.weekdays().get(k) || (previous != null && !d.isAfter(previous))) {
                return false;
            }
            previous = d;
        }
        return ChronoUnit.DAYS.between(tt.ix.date(run.get(0)), previous) < r.withinDays();
    }
}
