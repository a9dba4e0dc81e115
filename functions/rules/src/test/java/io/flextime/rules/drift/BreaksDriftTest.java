package io.flextime.rules.drift;

import static io.flextime.rules.drift.RandomSeasons.pick;
import static io.flextime.rules.drift.RandomSeasons.slots;
import static io.flextime.rules.drift.RandomSeasons.teams;

import io.flextime.core.rules.Br1;
import io.flextime.core.rules.Br2;
import io.flextime.core.rules.Mode;
import java.util.List;

/** BR1 and BR2 (breaks): rows, cost terms and reference check agree (the probe leaves breaks out). */
class BreaksDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of((r, s) -> new Br1(teams(r, s), slots(r, s), pick(r, Mode.values()), r.nextInt(3)),
                (r, s) -> new Br2(teams(r, s), slots(r, s), r.nextInt(7)));
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.compact(4), RandomSeasons.Shape.compact(6), RandomSeasons.Shape.relaxed(4, 3, false));
    }
}
