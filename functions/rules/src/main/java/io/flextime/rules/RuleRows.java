package io.flextime.rules;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.rules.model.RoundRobinStructure;
import io.flextime.rules.model.SeasonModel;
import java.util.function.Predicate;

/** A season's CP-SAT model as the rules make it: the format's rows, then each constraint's family's rows. */
public final class RuleRows {
    private RuleRows() {
    }

    /**
     * The model of {@code ix}'s season with the rows of the constraints {@code include} accepts; with
     * {@code withAssumptions}, every hard row is enforced by its constraint's assumption literal.
     */
    public static SeasonModel build(SeasonIndex ix, boolean withAssumptions, Predicate<SeasonConstraint> include) {
        SeasonModel m = new SeasonModel(ix, ix.season.format().compact(), withAssumptions);
        RoundRobinStructure.add(m);
        for (SeasonConstraint c : ix.season.constraints()) {
            if (include.test(c)) {
                add(m, c);
            }
        }
        return m;
    }

    public static void add(SeasonModel m, SeasonConstraint c) {
        if (c.type() == null) {
            throw new IllegalArgumentException("constraint " + c.id() + " has no type");
        }
        RuleFamilies.of(c).addRows(m, c, c.rule());
    }
}
