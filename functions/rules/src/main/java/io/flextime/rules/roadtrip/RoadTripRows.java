package io.flextime.rules.roadtrip;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.MaxRoadTrip;
import io.flextime.rules.model.SeasonModel;

/**
 * MAX_ROAD_TRIP: each team of teams plays at most max consecutive away games. A bye does not end a
 * road trip (the team stays on the road, as in travel); a home game does. Deviation = away games
 * played while the current trip already holds max games (a trip of L games deviates by L − max).
 * Compact seasons use the equivalent window form (at most max away games in any max+1 consecutive slots).
 */
final class RoadTripRows {
    private RoadTripRows() {
    }

    static void maxRoadTrip(SeasonModel m, SeasonConstraint c, MaxRoadTrip r) {
        int max = r.max();
        int slots = m.ix.slotCount;
        for (int t : m.ix.teams(r.teams(), c.id())) {
            if (m.compact) {
                for (int start = 0; start + max + 1 <= slots; start++) {
                    LinearExprBuilder w = LinearExpr.newBuilder();
                    for (int s = start; s <= start + max; s++) {
                        w.add(m.away[t][s]);
                    }
                    m.limit(c, w, 0, max, max + 1);
                }
                continue;
            }
            IntVar previous = null;
            for (int s = 0; s < slots; s++) {
                IntVar trip = m.cp.newIntVar(0, slots, "trip_" + t + "_" + s);
                LinearExprBuilder grown = LinearExpr.newBuilder().add(1);
                LinearExprBuilder kept = LinearExpr.newBuilder();
                if (previous != null) {
                    grown.add(previous);
                    kept.add(previous);
                }
                m.cp.addEquality(trip, grown).onlyEnforceIf(m.away[t][s]);
                m.cp.addEquality(trip, 0).onlyEnforceIf(m.home[t][s]);
                m.cp.addEquality(trip, kept).onlyEnforceIf(m.plays[t][s].not());
                if (c.hard()) {
                    m.enforce(c, m.cp.addLessOrEqual(trip, max));
                } else {
                    BoolVar over = m.cp.newBoolVar("tripover_" + t + "_" + s);
                    // over ⇔ (away ∧ trip > max): exact, so the objective matches the evaluator's count.
                    m.cp.addLessOrEqual(trip, max).onlyEnforceIf(new Literal[] {over.not(), m.away[t][s]});
                    m.cp.addGreaterOrEqual(trip, max + 1).onlyEnforceIf(over);
                    m.cp.addImplication(over, m.away[t][s]);
                    m.deviation(c, over);
                }
                previous = trip;
            }
        }
    }
}
