package io.flextime.rules.drift;

import static io.flextime.rules.drift.RandomSeasons.slots;
import static io.flextime.rules.drift.RandomSeasons.teams;

import io.flextime.core.rules.Fa2;
import java.util.List;

/** FA2 (fairness): rows, cost terms and reference check agree (the probe leaves fairness out). */
class FairnessDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of((r, s) -> new Fa2(teams(r, s), slots(r, s), r.nextInt(3)));
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.compact(4), RandomSeasons.Shape.compact(6), RandomSeasons.Shape.relaxed(4, 3, false));
    }
}
