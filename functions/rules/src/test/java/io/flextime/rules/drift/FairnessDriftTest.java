package io.flextime.rules.drift;

import static io.flextime.rules.drift.RandomSeasons.pick;
import static io.flextime.rules.drift.RandomSeasons.slots;
import static io.flextime.rules.drift.RandomSeasons.teams;

import io.flextime.core.rules.Fa2;
import io.flextime.core.rules.GamesSpread;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.SlotCover;
import java.util.List;

/**
 * FA2 and GAMES_SPREAD (fairness): rows, reference check and (FA2) cost terms agree; the probe leaves FA2
 * out and checks GAMES_SPREAD.
 */
class FairnessDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of((r, s) -> new Fa2(teams(r, s), slots(r, s), r.nextInt(3)),
                (r, s) -> new GamesSpread(teams(r, s), r.nextInt(4) == 0 ? new SlotCover(List.of(), List.of(), List.of())
                        : CalendarDriftTest.cover(r, s), pick(r, Mode.values()), r.nextInt(3)));
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.compact(4), RandomSeasons.Shape.compact(6), RandomSeasons.Shape.relaxed(4, 3, false),
                RandomSeasons.Shape.relaxed(4, 4, true), RandomSeasons.Shape.relaxed(6, 3, true));
    }
}
