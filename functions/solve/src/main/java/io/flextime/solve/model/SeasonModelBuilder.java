package io.flextime.solve.model;

import io.flextime.core.model.SeasonIndex;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.solve.engine.Assignment;
import java.util.List;
import java.util.Map;

/**
 * Builds the CP-SAT model in the order of the README's constraint table: variables, the format, each
 * constraint family, travel, the objective. One dispatch per constraint type.
 */
public final class SeasonModelBuilder {

    /**
     * What to build. {@code objective} false builds a pure feasibility model: no objective and no travel
     * variables (the travel flow is most of a relaxed season's model and irrelevant to feasibility).
     */
    public record Options(ObjectiveWeights weights, boolean withAssumptions, boolean breakReversalSymmetry,
            boolean objective) {
    }

    /** The built model and how to read its objective back. */
    public record Built(SeasonModel model, ObjectiveScale scale, LinearExpr objective, boolean reversalBroken) {
    }

    private SeasonModelBuilder() {
    }

    public static Built build(Season season, Options options) {
        SeasonIndex ix = new SeasonIndex(season);
        boolean compact = season.format().compact();
        SeasonModel m = new SeasonModel(ix, compact, options.withAssumptions());
        RoundRobinStructure.add(m);
        for (SeasonConstraint c : season.constraints()) {
            add(m, c);
        }
        boolean reversal = options.breakReversalSymmetry() && ReversalSymmetry.applies(season);
        if (reversal) {
            ReversalSymmetry.breakIt(m);
        }
        ObjectiveScale scale = ObjectiveScale.of(options.weights() == null ? season.weights() : options.weights());
        if (options.objective() && scale.travelPerMetre() > 0) {
            TravelObjective.add(m);
        }
        LinearExprBuilder objective = LinearExpr.newBuilder();
        if (scale.travelPerMetre() > 0) {
            objective.addTerm(m.travel(), scale.travelPerMetre());
        }
        for (Map.Entry<String, List<SeasonModel.Deviation>> e : m.deviations().entrySet()) {
            for (SeasonModel.Deviation d : e.getValue()) {
                if (d.penalty() > 0 && scale.perPenaltyUnit() > 0) {
                    objective.addTerm(d.variable(), d.penalty() * scale.perPenaltyUnit());
                }
            }
        }
        LinearExpr obj = objective.build();
        if (options.objective()) {
            m.cp.minimize(obj);
        }
        return new Built(m, scale, obj, reversal);
    }

    static void add(SeasonModel m, SeasonConstraint c) {
        ConstraintType type = c.type();
        if (type == null) {
            throw new IllegalArgumentException("constraint " + c.id() + " has no type");
        }
        switch (type) {
            case CA1 -> CapacityConstraints.ca1(m, c);
            case CA2 -> CapacityConstraints.ca2(m, c);
            case CA3 -> CapacityConstraints.ca3(m, c);
            case CA4 -> CapacityConstraints.ca4(m, c);
            case GA1 -> GamePlacementConstraints.ga1(m, c);
            case FIXED_GAME -> GamePlacementConstraints.fixedGame(m, c);
            case BR1 -> BreakConstraints.br1(m, c);
            case BR2 -> BreakConstraints.br2(m, c);
            case FA2 -> FairnessConstraints.fa2(m, c);
            case SE1 -> SeparationConstraints.se1(m, c);
            case VENUE_UNAVAILABLE -> CalendarConstraints.venueUnavailable(m, c);
            case TEAM_UNAVAILABLE -> CalendarConstraints.teamUnavailable(m, c);
            case SHARED_VENUE -> CalendarConstraints.sharedVenue(m, c);
            case MIN_REST_DAYS -> CalendarConstraints.minRestDays(m, c);
            case MAX_ROAD_TRIP -> RoadTripConstraints.maxRoadTrip(m, c);
        }
    }

    /** The schedule, or the same played backwards when only that one satisfies the model's reversal symmetry breaking. */
    public static List<Assignment> oriented(Built built, List<Assignment> games) {
        return built.reversalBroken() && !games.isEmpty() && !ReversalSymmetry.respects(built.model().ix, games)
                ? ReversalSymmetry.reverse(built.model().ix, games) : games;
    }

    /** Sets a previous schedule as the solution hint (games not in the schedule hinted 0). */
    public static void hint(Built built, List<Assignment> games) {
        SeasonModel m = built.model();
        SeasonIndex ix = m.ix;
        List<Assignment> hint = oriented(built, games);
        boolean[][][] on = new boolean[ix.n][ix.n][ix.slotCount];
        for (Assignment g : hint) {
            on[ix.team(g.home(), "hint")][ix.team(g.away(), "hint")][ix.slot(g.slot(), "hint")] = true;
        }
        for (int h = 0; h < ix.n; h++) {
            for (int a = 0; a < ix.n; a++) {
                if (h != a) {
                    for (int s = 0; s < ix.slotCount; s++) {
                        m.cp.addHint(m.x[h][a][s], on[h][a][s]);
                    }
                }
            }
        }
    }
}
