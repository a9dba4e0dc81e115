package io.flextime.solve.model;

import io.flextime.core.model.ConstraintParams;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonConstraint;

/**
 * RobinX capacity constraints (OrganizationITC2021_V7 §2.4.1). Deviations: CA1/CA2 one per team of
 * teams(1) — games in mode over slots above max (or below min); CA3 one per team of teams1 and window
 * of intp consecutive slots; CA4 one for all slots (GLOBAL) or one per slot (EVERY). CA4 HA counts a
 * game once when one side is in teams1 and the other in teams2.
 */
public final class CapacityConstraints {
    private CapacityConstraints() {
    }

    public static void ca1(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        String mode = p.text(p.firstKey("mode", "mode1") == null ? "mode" : p.firstKey("mode", "mode1"), "H");
        int[] slots = m.ix.slots(p.integers("slots"), c.id());
        for (int t : m.ix.teams(p.strings("teams"), c.id())) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int s : slots) {
                e.add(m.games(t, s, mode));
            }
            m.limit(c, e, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE), slots.length);
        }
    }

    public static void ca2(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        String mode = p.text("mode1", "HA");
        int[] slots = m.ix.slots(p.integers("slots"), c.id());
        int[] others = m.ix.teams(p.strings("teams2"), c.id());
        for (int t : m.ix.teams(p.strings("teams1"), c.id())) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int s : slots) {
                for (int o : others) {
                    m.addGames(e, t, o, s, mode);
                }
            }
            m.limit(c, e, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE), slots.length);
        }
    }

    public static void ca3(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        String mode = p.text("mode1", "HA");
        int window = p.integer("intp");
        int[] others = m.ix.teams(p.strings("teams2"), c.id());
        for (int t : m.ix.teams(p.strings("teams1"), c.id())) {
            for (int start = 0; start + window <= m.ix.slotCount; start++) {
                LinearExprBuilder e = LinearExpr.newBuilder();
                for (int s = start; s < start + window; s++) {
                    for (int o : others) {
                        m.addGames(e, t, o, s, mode);
                    }
                }
                m.limit(c, e, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE), window);
            }
        }
    }

    public static void ca4(SeasonModel m, SeasonConstraint c) {
        ConstraintParams p = new ConstraintParams(c);
        String mode = p.text("mode1", "HA");
        boolean every = "EVERY".equals(p.text("mode2", "GLOBAL"));
        int[] slots = m.ix.slots(p.integers("slots"), c.id());
        boolean[] in1 = membership(m, p.strings("teams1"), c);
        boolean[] in2 = membership(m, p.strings("teams2"), c);
        LinearExprBuilder global = LinearExpr.newBuilder();
        int globalTerms = 0;
        for (int s : slots) {
            LinearExprBuilder slot = every ? LinearExpr.newBuilder() : global;
            int terms = 0;
            for (int h = 0; h < m.ix.n; h++) {
                for (int a = 0; a < m.ix.n; a++) {
                    if (h != a && counts(mode, in1, in2, h, a)) {
                        slot.add(m.x[h][a][s]);
                        terms++;
                    }
                }
            }
            if (every) {
                m.limit(c, slot, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE), Math.min(terms, m.ix.n / 2));
            }
            globalTerms += Math.min(terms, m.ix.n / 2);
        }
        if (!every) {
            m.limit(c, global, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE), globalTerms);
        }
    }

    static boolean counts(String mode, boolean[] in1, boolean[] in2, int h, int a) {
        return switch (mode) {
            case "H" -> in1[h] && in2[a];
            case "A" -> in1[a] && in2[h];
            default -> (in1[h] && in2[a]) || (in1[a] && in2[h]);
        };
    }

    static boolean[] membership(SeasonModel m, java.util.List<String> ids, SeasonConstraint c) {
        boolean[] in = new boolean[m.ix.n];
        for (int t : m.ix.teams(ids, c.id())) {
            in[t] = true;
        }
        return in;
    }
}
