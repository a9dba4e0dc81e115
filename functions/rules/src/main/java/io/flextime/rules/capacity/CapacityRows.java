package io.flextime.rules.capacity;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Ca1;
import io.flextime.core.rules.Ca2;
import io.flextime.core.rules.Ca3;
import io.flextime.core.rules.Ca4;
import io.flextime.rules.model.SeasonModel;

/**
 * CP-SAT rows of the RobinX capacity constraints (OrganizationITC2021_V7 §2.4.1). Deviations: CA1/CA2
 * one per team of teams(1) — games in mode over slots above max (or below min); CA3 one per team of
 * teams1 and window of intp consecutive slots; CA4 one for all slots (GLOBAL) or one per slot (EVERY).
 * CA4 HA counts a game once when one side is in teams1 and the other in teams2.
 */
final class CapacityRows {
    private CapacityRows() {
    }

    static void ca1(SeasonModel m, SeasonConstraint c, Ca1 r) {
        int[] slots = m.ix.slots(r.slots(), c.id());
        for (int t : m.ix.teams(r.teams(), c.id())) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int s : slots) {
                e.add(m.games(t, s, r.mode()));
            }
            m.limit(c, e, r.min(), r.max(), slots.length);
        }
    }

    static void ca2(SeasonModel m, SeasonConstraint c, Ca2 r) {
        int[] slots = m.ix.slots(r.slots(), c.id());
        int[] others = m.ix.teams(r.teams2(), c.id());
        for (int t : m.ix.teams(r.teams1(), c.id())) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int s : slots) {
                for (int o : others) {
                    m.addGames(e, t, o, s, r.mode());
                }
            }
            m.limit(c, e, r.min(), r.max(), slots.length);
        }
    }

    static void ca3(SeasonModel m, SeasonConstraint c, Ca3 r) {
        int window = r.intp();
        int[] others = m.ix.teams(r.teams2(), c.id());
        for (int t : m.ix.teams(r.teams1(), c.id())) {
            for (int start = 0; start + window <= m.ix.slotCount; start++) {
                LinearExprBuilder e = LinearExpr.newBuilder();
                for (int s = start; s < start + window; s++) {
                    for (int o : others) {
                        m.addGames(e, t, o, s, r.mode());
                    }
                }
                m.limit(c, e, r.min(), r.max(), window);
            }
        }
    }

    static void ca4(SeasonModel m, SeasonConstraint c, Ca4 r) {
        boolean every = r.spread() == Ca4.Spread.EVERY;
        int[] slots = m.ix.slots(r.slots(), c.id());
        boolean[] in1 = membership(m, r.teams1(), c);
        boolean[] in2 = membership(m, r.teams2(), c);
        LinearExprBuilder global = LinearExpr.newBuilder();
        int globalTerms = 0;
        for (int s : slots) {
            LinearExprBuilder slot = every ? LinearExpr.newBuilder() : global;
            int terms = 0;
            for (int h = 0; h < m.ix.n; h++) {
                for (int a = 0; a < m.ix.n; a++) {
                    if (h != a && r.counts(in1[h], in2[h], in1[a], in2[a])) {
                        slot.add(m.x[h][a][s]);
                        terms++;
                    }
                }
            }
            if (every) {
                m.limit(c, slot, r.min(), r.max(), Math.min(terms, m.ix.n / 2));
            }
            globalTerms += Math.min(terms, m.ix.n / 2);
        }
        if (!every) {
            m.limit(c, global, r.min(), r.max(), globalTerms);
        }
    }

    static boolean[] membership(SeasonModel m, java.util.List<String> ids, SeasonConstraint c) {
        boolean[] in = new boolean[m.ix.n];
        for (int t : m.ix.teams(ids, c.id())) {
            in[t] = true;
        }
        return in;
    }
}
