package io.flextime.solve.model;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.RuleFamilies;
import io.flextime.rules.model.SeasonModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Playing a schedule backwards (slot s → S−1−s) keeps its travel (for a symmetric distance matrix) and
 * every slot-independent rule (window capacities, separation, road trips, breaks over all slots), so
 * when the season has nothing tied to particular slots or dates we may require team 0 to host team 1
 * before team 1 hosts team 0. That halves the search space of TTP-like instances.
 */
public final class ReversalSymmetry {
    private ReversalSymmetry() {
    }

    public static boolean applies(Season season) {
        SeasonIndex ix = new SeasonIndex(season);
        if (!season.format().compact() || ix.n < 2 || !season.matchups().isEmpty()
                || season.format().roundRobin() != io.flextime.core.model.SeasonFormat.RoundRobin.DOUBLE) {
            return false;
        }
        if (ix.slots.stream().anyMatch(s -> s.date() != null)) {
            return false;
        }
        if (ix.metres() != null) {
            for (int i = 0; i < ix.n; i++) {
                for (int j = 0; j < ix.n; j++) {
                    if (ix.metres()[i][j] != ix.metres()[j][i]) {
                        return false;
                    }
                }
            }
        }
        for (SeasonConstraint c : season.constraints()) {
            if (!c.wellFormed() || !RuleFamilies.of(c).reversible(c.rule())) {
                return false;
            }
        }
        return true;
    }

    static void breakIt(SeasonModel m) {
        LinearExprBuilder order = LinearExpr.newBuilder();
        for (int s = 0; s < m.ix.slotCount; s++) {
            order.addTerm(m.x[0][1][s], s).addTerm(m.x[1][0][s], -s);
        }
        m.cp.addLessOrEqual(order, -1);
    }

    static boolean respects(SeasonIndex ix, List<Assignment> games) {
        int first = -1;
        int second = -1;
        for (Assignment g : games) {
            if (g.home().equals(ix.teamId(0)) && g.away().equals(ix.teamId(1))) {
                first = ix.slot(g.slot(), "hint");
            } else if (g.home().equals(ix.teamId(1)) && g.away().equals(ix.teamId(0))) {
                second = ix.slot(g.slot(), "hint");
            }
        }
        return first < 0 || second < 0 || first < second;
    }

    static List<Assignment> reverse(SeasonIndex ix, List<Assignment> games) {
        List<Assignment> out = new ArrayList<>();
        for (Assignment g : games) {
            int s = ix.slot(g.slot(), "hint");
            out.add(new Assignment(ix.slotIndex(ix.slotCount - 1 - s), g.home(), g.away()));
        }
        return out;
    }
}
