package io.flextime.rules;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Rule;
import io.flextime.rules.cost.Term;
import io.flextime.rules.evaluator.Timetable;
import io.flextime.rules.model.SeasonModel;
import java.util.function.Predicate;

/**
 * What a rule family does with one of its constraint types ({@code R}, the type's record in the core's
 * catalogue): its CP-SAT rows (which the feasibility probe also builds, unless the family leaves the type
 * out of it), its independent reference check, its incremental cost term for the annealing (optional),
 * and what the solver may assume of it. Each family folder declares one per type it owns
 * ({@link RuleFamilies} lists them).
 */
public final class RuleLogic<R extends Rule> {

    /** The CP-SAT rows of a rule: hard (behind its assumption literal when the model explains infeasibility) or softened with an exact deviation. */
    @FunctionalInterface
    public interface Rows<R> {
        void add(SeasonModel m, SeasonConstraint c, R rule);
    }

    /**
     * The reference check: the rule's deviation on a schedule, recomputed from the teams' game sequences
     * alone (0: the schedule keeps it).
     */
    @FunctionalInterface
    public interface Check<R> {
        int deviation(Timetable t, SeasonConstraint c, R rule);
    }

    /**
     * The incremental cost term of a rule for the annealing: hard (counted as deviation) or soft ({@code
     * unit} per unit of deviation), exactly the reference check's deviation after every move.
     */
    @FunctionalInterface
    public interface Costing<R> {
        Term term(SeasonIndex ix, SeasonConstraint c, R rule, double unit);
    }

    /** The longest road trip a hard rule allows team t (-1: it does not limit trips). */
    @FunctionalInterface
    public interface TripLimit<R> {
        int of(SeasonIndex ix, R rule, int t);
    }

    private final Rows<R> rows;
    private final Check<R> check;
    private final Costing<R> cost;
    private final boolean probed;
    private final Predicate<R> reversible;
    private final TripLimit<R> tripLimit;

    private RuleLogic(Rows<R> rows, Check<R> check, Costing<R> cost, boolean probed, Predicate<R> reversible,
            TripLimit<R> tripLimit) {
        this.rows = rows;
        this.check = check;
        this.cost = cost;
        this.probed = probed;
        this.reversible = reversible;
        this.tripLimit = tripLimit;
    }

    /** A type modelled by {@code rows} and checked by {@code check}, in the probe, with no symmetry or trip knowledge. */
    public static <R extends Rule> RuleLogic<R> of(Rows<R> rows, Check<R> check) {
        return new RuleLogic<>(rows, check, null, true, r -> false, (ix, r, t) -> -1);
    }

    /** Scored by the annealing with this cost term (without one, a season holding the type is not annealed). */
    public RuleLogic<R> scoredBy(Costing<R> term) {
        return new RuleLogic<>(rows, check, term, probed, reversible, tripLimit);
    }

    /** Left out of the feasibility probe (dropping a rule keeps "infeasible" a proof; it saves the probe's time box). */
    public RuleLogic<R> notProbed() {
        return new RuleLogic<>(rows, check, cost, false, reversible, tripLimit);
    }

    /**
     * When the rule reads every slot alike, so a schedule holds it exactly as well as the same schedule
     * played backwards (the solver may then break that symmetry).
     */
    public RuleLogic<R> reversibleWhen(Predicate<R> when) {
        return new RuleLogic<>(rows, check, cost, probed, when, tripLimit);
    }

    public RuleLogic<R> tripLimit(TripLimit<R> limit) {
        return new RuleLogic<>(rows, check, cost, probed, reversible, limit);
    }

    public void addRows(SeasonModel m, SeasonConstraint c, R rule) {
        rows.add(m, c, rule);
    }

    public int deviation(Timetable t, SeasonConstraint c, R rule) {
        return check.deviation(t, c, rule);
    }

    public boolean scored() {
        return cost != null;
    }

    public Term term(SeasonIndex ix, SeasonConstraint c, R rule, double unit) {
        return cost.term(ix, c, rule, unit);
    }

    public boolean probed() {
        return probed;
    }

    public boolean reversible(R rule) {
        return reversible.test(rule);
    }

    public int tripLimit(SeasonIndex ix, R rule, int t) {
        return tripLimit.of(ix, rule, t);
    }
}
