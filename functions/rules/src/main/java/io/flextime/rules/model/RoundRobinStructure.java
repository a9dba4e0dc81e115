package io.flextime.rules.model;

import io.flextime.core.model.SeasonIndex;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import java.time.temporal.ChronoUnit;

/**
 * The format (never relaxed, never an assumption): who meets whom how often, one game per team and
 * slot (exactly one when compact), phases, mirroring and the format's minimum rest days.
 *
 * <ul>
 *   <li>DOUBLE: every ordered pair (h, a) plays exactly once.</li>
 *   <li>SINGLE: every pair meets exactly once, at either venue.</li>
 *   <li>PARTIAL: each ordered pair at most once; each team plays {@code gamesPerTeam} games, meets
 *       {@code twiceOpponents} opponents twice (once at each venue) and the others at most once; its
 *       home and away counts differ by at most one.</li>
 *   <li>Explicit matchups, when the season lists them, replace the format's pairing rule (the format's
 *       MATCHUPS kind says so explicitly; it is also the default kind of a season with matchups).</li>
 *   <li>phased: a pair meets at most once in each half of the slots; mirrored: game (h, a) in slot s
 *       ⇔ game (a, h) in slot s + S/2.</li>
 * </ul>
 */
public final class RoundRobinStructure {
    private RoundRobinStructure() {
    }

    public static void add(SeasonModel m) {
        SeasonIndex ix = m.ix;
        SeasonFormat f = ix.season.format();
        int n = ix.n;
        int slots = ix.slotCount;
        if (m.compact && n % 2 != 0) {
            throw new IllegalArgumentException("a compact season needs an even number of teams, got " + n);
        }
        LinearExpr[][] meetings = new LinearExpr[n][n];
        for (int h = 0; h < n; h++) {
            for (int a = 0; a < n; a++) {
                if (h != a) {
                    meetings[h][a] = LinearExpr.sum(m.x[h][a]);
                }
            }
        }
        if (!ix.season.matchups().isEmpty()) {
            int[][] wanted = new int[n][n];
            for (Matchup mu : ix.season.matchups()) {
                wanted[ix.team(mu.home(), "matchups")][ix.team(mu.away(), "matchups")] += mu.meetings();
            }
            for (int h = 0; h < n; h++) {
                for (int a = 0; a < n; a++) {
                    if (h != a) {
                        m.cp.addEquality(meetings[h][a], wanted[h][a]);
                    }
                }
            }
        } else if (f.roundRobin() == RoundRobin.DOUBLE) {
            for (int h = 0; h < n; h++) {
                for (int a = 0; a < n; a++) {
                    if (h != a) {
                        m.cp.addEquality(meetings[h][a], 1);
                    }
                }
            }
        } else if (f.roundRobin() == RoundRobin.SINGLE) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    m.cp.addEquality(LinearExpr.newBuilder().add(meetings[i][j]).add(meetings[j][i]), 1);
                }
            }
        } else if (f.roundRobin() == RoundRobin.MATCHUPS) {
            throw new IllegalArgumentException("roundRobin MATCHUPS takes the games from the matchups, but the season lists none");
        } else {
            partial(m, f, meetings);
        }
        if (f.phased() && slots >= 2) {
            int half = slots / 2;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    LinearExprBuilder first = LinearExpr.newBuilder();
                    LinearExprBuilder second = LinearExpr.newBuilder();
                    for (int s = 0; s < slots; s++) {
                        LinearExprBuilder into = s < half ? first : second;
                        into.add(m.x[i][j][s]).add(m.x[j][i][s]);
                    }
                    m.cp.addLessOrEqual(first, 1);
                    m.cp.addLessOrEqual(second, 1);
                }
            }
        }
        if (f.mirrored()) {
            if (slots % 2 != 0) {
                throw new IllegalArgumentException("a mirrored season needs an even number of slots, got " + slots);
            }
            int half = slots / 2;
            for (int h = 0; h < n; h++) {
                for (int a = 0; a < n; a++) {
                    if (h != a) {
                        for (int s = 0; s < half; s++) {
                            m.cp.addEquality(m.x[h][a][s], m.x[a][h][s + half]);
                        }
                    }
                }
            }
        }
        if (f.minRestDays() != null && f.minRestDays() > 0) {
            minRestDays(m, f.minRestDays());
        }
    }

    private static void partial(SeasonModel m, SeasonFormat f, LinearExpr[][] meetings) {
        int n = m.ix.n;
        if (f.gamesPerTeam() == null) {
            throw new IllegalArgumentException("a PARTIAL round robin needs format.gamesPerTeam (or explicit matchups)");
        }
        int games = f.gamesPerTeam();
        BoolVar[][] twice = new BoolVar[n][n];
        for (int h = 0; h < n; h++) {
            for (int a = 0; a < n; a++) {
                if (h != a) {
                    m.cp.addLessOrEqual(meetings[h][a], 1);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                BoolVar both = m.cp.newBoolVar("twice_" + i + "_" + j);
                // both ⇔ (i hosts j) ∧ (j hosts i); meetings are 0/1 sums, so linear is exact.
                m.cp.addLessOrEqual(LinearExpr.newBuilder().add(both).addTerm(meetings[i][j], -1), 0);
                m.cp.addLessOrEqual(LinearExpr.newBuilder().add(both).addTerm(meetings[j][i], -1), 0);
                m.cp.addGreaterOrEqual(LinearExpr.newBuilder().add(both).addTerm(meetings[i][j], -1)
                        .addTerm(meetings[j][i], -1), -1);
                twice[i][j] = both;
                twice[j][i] = both;
                if (games >= n - 1 + (f.twiceOpponents() == null ? 0 : f.twiceOpponents())) {
                    m.cp.addGreaterOrEqual(LinearExpr.newBuilder().add(meetings[i][j]).add(meetings[j][i]), 1);
                }
            }
        }
        for (int t = 0; t < n; t++) {
            LinearExprBuilder all = LinearExpr.newBuilder();
            LinearExprBuilder hosted = LinearExpr.newBuilder();
            LinearExprBuilder doubles = LinearExpr.newBuilder();
            for (int o = 0; o < n; o++) {
                if (o != t) {
                    all.add(meetings[t][o]).add(meetings[o][t]);
                    hosted.add(meetings[t][o]);
                    doubles.add(twice[t][o]);
                }
            }
            m.cp.addEquality(all, games);
            m.cp.addLinearConstraint(hosted, games / 2, (games + 1) / 2);
            if (f.twiceOpponents() != null) {
                m.cp.addEquality(doubles, f.twiceOpponents());
            }
        }
    }

    /** Two games of one team are at least {@code days} calendar days apart (date difference). */
    static void minRestDays(SeasonModel m, int days) {
        SeasonIndex ix = m.ix;
        for (int s = 0; s < ix.slotCount; s++) {
            for (int u = s + 1; u < ix.slotCount; u++) {
                if (ix.date(s) == null || ix.date(u) == null) {
                    continue;
                }
                if (Math.abs(ChronoUnit.DAYS.between(ix.date(s), ix.date(u))) < days) {
                    for (int t = 0; t < ix.n; t++) {
                        m.cp.addLessOrEqual(LinearExpr.newBuilder().add(m.playsExpr(t, s)).add(m.playsExpr(t, u)), 1);
                    }
                }
            }
        }
    }
}
