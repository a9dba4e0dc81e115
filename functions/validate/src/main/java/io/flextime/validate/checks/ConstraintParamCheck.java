package io.flextime.validate.checks;

import static io.flextime.validate.findings.FindingCode.RANGE_CONSTRAINT_PARAM;
import static io.flextime.validate.findings.FindingCode.REF_UNKNOWN_SLOT;
import static io.flextime.validate.findings.FindingCode.REF_UNKNOWN_TEAM;
import static io.flextime.validate.findings.FindingCode.REF_UNKNOWN_VENUE;
import static io.flextime.validate.findings.FindingCode.SCHEMA_PARAM_MISSING;
import static io.flextime.validate.findings.FindingCode.SCHEMA_PARAM_TYPE;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Malformed;
import io.flextime.core.rules.ParamProblem;
import io.flextime.core.rules.RuleCatalogue;
import io.flextime.core.rules.RuleDefinition.Reference;
import io.flextime.validate.findings.Finding;
import io.flextime.validate.findings.FindingCode;
import java.util.List;

/**
 * Constraint parameters, as the rule catalogue reads them: what it could not read (a dataset ingested
 * before a check existed loads as {@link Malformed}), a rule that reads dates in a season with undated
 * slots, and every team, venue and slot a rule names that the season lacks.
 */
public final class ConstraintParamCheck implements SeasonCheck {

    @Override
    public void check(SeasonIndex index, List<Finding> out) {
        List<SeasonConstraint> all = index.season().constraints();
        for (int i = 0; i < all.size(); i++) {
            SeasonConstraint c = all.get(i);
            if (c.type() != null) {
                check(index, c, i + 1, out);
            }
        }
    }

    private void check(SeasonIndex index, SeasonConstraint c, int row, List<Finding> out) {
        if (c.rule() instanceof Malformed m) {
            for (ParamProblem p : m.problems()) {
                FindingCode code = switch (p.kind()) {
                    case MISSING -> SCHEMA_PARAM_MISSING;
                    case WRONG_TYPE -> SCHEMA_PARAM_TYPE;
                    case OUT_OF_RANGE -> RANGE_CONSTRAINT_PARAM;
                };
                out.add(code.at("constraint", c.id(), row, p.key(), c.type() + " '" + c.id() + "' " + p.message()));
            }
            return;
        }
        boolean everySlotDated = index.slots().stream().allMatch(s -> s.date() != null);
        RuleCatalogue.seasonProblem(c.rule(), everySlotDated).ifPresent(m -> out.add(RANGE_CONSTRAINT_PARAM.at("constraint",
                c.id(), row, "type", c.type() + " '" + c.id() + "': " + m)));
        for (Reference r : RuleCatalogue.references(c.rule())) {
            boolean known = switch (r.refers()) {
                case TEAMS -> index.hasTeam((String) r.value());
                case VENUES -> index.hasVenue((String) r.value());
                case SLOTS -> index.hasSlot((Integer) r.value());
                case NOTHING -> true;
            };
            if (!known) {
                FindingCode code = switch (r.refers()) {
                    case TEAMS -> REF_UNKNOWN_TEAM;
                    case VENUES -> REF_UNKNOWN_VENUE;
                    default -> REF_UNKNOWN_SLOT;
                };
                String what = switch (r.refers()) {
                    case TEAMS -> "team '" + r.value() + "'";
                    case VENUES -> "venue '" + r.value() + "'";
                    default -> "slot " + r.value();
                };
                out.add(code.at("constraint", c.id(), row, r.key(), c.type() + " '" + c.id() + "' names unknown " + what));
            }
        }
    }
}
