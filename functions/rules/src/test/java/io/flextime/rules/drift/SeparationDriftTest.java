package io.flextime.rules.drift;

import io.flextime.core.model.Team;
import io.flextime.core.rules.Se1;
import java.util.List;

/** SE1 (separation): rows, cost terms, reference check and probe agree. */
class SeparationDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of((r, s) -> new Se1(r.nextInt(3) == 0 ? List.of()
                : RandomSeasons.subset(r, s.teams().stream().map(Team::id).toList(), 2), 1 + r.nextInt(4)));
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.compact(4), RandomSeasons.Shape.compact(6), RandomSeasons.Shape.relaxed(4, 3, false));
    }
}
