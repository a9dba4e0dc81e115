package io.flextime.solve.model;

import io.flextime.rules.model.SeasonModel;
import io.flextime.core.model.SeasonIndex;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.SeasonFormat.TravelMode;

/**
 * Travel in metres between home venues. VENUE_TO_VENUE (the TTP convention): a team starts at home,
 * goes from each game's venue to the next game's venue, stays where it is over a bye, and returns home
 * after its last game. RETURN_HOME: every away game is a round trip from home.
 *
 * <p>Venue to venue is a location flow per team and pair of consecutive slots: z[i][j] = "at i's venue
 * in s and at j's venue in s+1", with Σ_j z[i][j] = at(s, i) and Σ_i z[i][j] = at(s+1, j). The flow
 * rows make the LP relaxation far tighter than products of the location literals.
 *
 * <p>Each team's travel, and the total, are cut at {@link TravelLowerBound} (both modes).
 */
public final class TravelObjective {
    private TravelObjective() {
    }

    public static void add(SeasonModel m) {
        SeasonIndex ix = m.ix;
        if (!ix.hasTravel()) {
            return;
        }
        long[][] d = ix.metres();
        int n = ix.n;
        int slots = ix.slotCount;
        boolean returnHome = ix.season.format().travel() == TravelMode.RETURN_HOME;
        TravelLowerBound.TeamBound[] bounds = TravelLowerBound.perTeam(ix);
        for (int t = 0; t < n; t++) {
            LinearExprBuilder km = LinearExpr.newBuilder();
            if (returnHome) {
                for (int s = 0; s < slots; s++) {
                    for (int h = 0; h < n; h++) {
                        if (h != t && d[t][h] + d[h][t] > 0) {
                            km.addTerm(m.x[h][t][s], d[t][h] + d[h][t]);
                        }
                    }
                }
                LinearExpr roundTrips = km.build();
                atLeast(m, roundTrips, bounds[t].metres());
                m.addTravel(t, roundTrips);
                continue;
            }
            BoolVar[][] at = locations(m, t);
            for (int i = 0; i < n; i++) {
                if (d[t][i] > 0) {
                    km.addTerm(at[0][i], d[t][i]);
                }
                if (d[i][t] > 0) {
                    km.addTerm(at[slots - 1][i], d[i][t]);
                }
            }
            for (int s = 0; s + 1 < slots; s++) {
                BoolVar[][] z = new BoolVar[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        z[i][j] = m.cp.newBoolVar("leg_" + t + "_" + s + "_" + i + "_" + j);
                        if (d[i][j] > 0) {
                            km.addTerm(z[i][j], d[i][j]);
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    m.cp.addEquality(LinearExpr.sum(z[i]), at[s][i]);
                    BoolVar[] into = new BoolVar[n];
                    for (int j = 0; j < n; j++) {
                        into[j] = z[j][i];
                    }
                    m.cp.addEquality(LinearExpr.sum(into), at[s + 1][i]);
                }
            }
            LinearExpr teamTravel = km.build();
            atLeast(m, teamTravel, bounds[t].metres());
            m.addTravel(t, teamTravel);
        }
        atLeast(m, m.travel(), TravelLowerBound.total(ix));
    }

    /** A redundant cut (the independent lower bound): it lifts CP-SAT's LP bound, never removes a schedule. */
    private static void atLeast(SeasonModel m, LinearExpr travel, long metres) {
        if (metres > 0) {
            m.cp.addGreaterOrEqual(travel, metres);
        }
    }

    /** at[s][i]: team t is at team i's home venue in slot s. */
    static BoolVar[][] locations(SeasonModel m, int t) {
        int n = m.ix.n;
        int slots = m.ix.slotCount;
        BoolVar[][] at = new BoolVar[slots][n];
        for (int s = 0; s < slots; s++) {
            for (int i = 0; i < n; i++) {
                at[s][i] = i == t ? m.home[t][s] : m.x[i][t][s];
            }
        }
        if (m.compact) {
            return at;
        }
        BoolVar[][] where = new BoolVar[slots][n];
        for (int s = 0; s < slots; s++) {
            for (int i = 0; i < n; i++) {
                where[s][i] = m.cp.newBoolVar("at_" + t + "_" + s + "_" + i);
                m.cp.addImplication(at[s][i], where[s][i]);
                if (s == 0) {
                    if (i == t) {
                        m.cp.addImplication(m.plays[t][s].not(), where[s][i]);
                    }
                } else {
                    m.cp.addEquality(where[s][i], where[s - 1][i]).onlyEnforceIf(m.plays[t][s].not());
                }
            }
            m.cp.addExactlyOne(where[s]);
        }
        return where;
    }
}
