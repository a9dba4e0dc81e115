package io.flextime.rules.sequence;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.WeekdayPattern;
import io.flextime.rules.model.SeasonModel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The CP-SAT rows of the sequence family.
 *
 * <p>WEEKDAY_PATTERN: every run of slots s1 < … < sm whose dates have the pattern's weekdays, rise, and
 * lie fewer than withinDays apart is an occurrence for team t when t plays all of them and none of the
 * slots between (its games are then consecutive). Hard: Σ plays(s_i) − Σ plays(between) ≤ m − 1.
 * Soft: a 0/1 deviation per run and team, equal to "plays all, none between" (exact both ways).
 */
final class SequenceRows {
    private SequenceRows() {
    }

    static void weekdayPattern(SeasonModel m, SeasonConstraint c, WeekdayPattern r) {
        List<int[]> runs = new ArrayList<>();
        collect(m.ix, r, new int[r.weekdays().size()], 0, runs);
        for (int t : m.ix.teams(r.teams(), c.id())) {
            for (int[] run : runs) {
                occurrence(m, c, t, run);
            }
        }
    }

    /** Every run of slots matching the pattern by date (who plays them is the model's business). */
    private static void collect(SeasonIndex ix, WeekdayPattern r, int[] run, int k, List<int[]> out) {
        if (k == run.length) {
            out.add(run.clone());
            return;
        }
        int from = k == 0 ? 0 : run[k - 1] + 1;
        for (int s = from; s < ix.slotCount; s++) {
            LocalDate d = ix.date(s);
            if (d == null || d.getDayOfWeek() != r.weekdays().get(k)) {
                continue;
            }
            if (k > 0 && (!d.isAfter(ix.date(run[k - 1])) || ChronoUnit.DAYS.between(ix.date(run[0]), d) >= r.withinDays())) {
                continue;
            }
            run[k] = s;
            collect(ix, r, run, k + 1, out);
        }
    }

    private static void occurrence(SeasonModel m, SeasonConstraint c, int t, int[] run) {
        int size = run.length;
        LinearExprBuilder expr = LinearExpr.newBuilder();
        List<Integer> between = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            expr.add(m.playsExpr(t, run[k]));
            if (k > 0) {
                for (int u = run[k - 1] + 1; u < run[k]; u++) {
                    expr.addTerm(m.playsExpr(t, u), -1);
                    between.add(u);
                }
            }
        }
        if (c.hard()) {
            m.enforce(c, m.cp.addLinearConstraint(expr, -between.size(), size - 1));
            return;
        }
        BoolVar occurs = m.cp.newBoolVar("pattern_" + c.id() + "_" + t + "_" + run[0]);
        // occurs ⇔ every run slot played and no slot between: occurs ≥ expr − (m − 1), occurs ≤ each part
        m.cp.addGreaterOrEqual(LinearExpr.newBuilder().add(occurs).addTerm(expr, -1).add(size - 1), 0);
        for (int k = 0; k < size; k++) {
            m.cp.addLessOrEqual(LinearExpr.newBuilder().add(occurs).addTerm(m.playsExpr(t, run[k]), -1), 0);
        }
        for (int u : between) {
            m.cp.addLessOrEqual(LinearExpr.newBuilder().add(occurs).add(m.playsExpr(t, u)), 1);
        }
        m.deviation(c, occurs);
    }
}
