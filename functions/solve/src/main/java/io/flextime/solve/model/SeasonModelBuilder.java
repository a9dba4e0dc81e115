package io.flextime.solve.model;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.core.model.SeasonIndex;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.rules.RuleRows;
import io.flextime.rules.model.SeasonModel;
import java.util.List;
import java.util.Map;

/**
 * Builds the CP-SAT model: the rules' model (variables, the format, each constraint's family rows, see
 * the rules module), then reversal symmetry breaking, travel and the objective.
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
        SeasonModel m = RuleRows.build(new SeasonIndex(season), options.withAssumptions(), c -> true);
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
