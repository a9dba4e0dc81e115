package io.flextime.rules.drift;

import static io.flextime.rules.drift.RandomSeasons.pick;
import static io.flextime.rules.drift.RandomSeasons.slots;
import static io.flextime.rules.drift.RandomSeasons.teams;

import io.flextime.core.rules.Ca1;
import io.flextime.core.rules.Ca2;
import io.flextime.core.rules.Ca3;
import io.flextime.core.rules.Ca4;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.RuleCatalogue;
import java.util.List;
import java.util.SplittableRandom;

/** CA1–CA4 (capacity): rows, cost terms, reference check and probe agree. */
class CapacityDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of(
                (r, s) -> {
                    int min = r.nextInt(3);
                    return new Ca1(teams(r, s), slots(r, s), pick(r, Mode.values()), min, max(r, min, 3));
                },
                (r, s) -> {
                    int min = r.nextInt(2);
                    return new Ca2(teams(r, s), teams(r, s), slots(r, s), pick(r, Mode.values()), min, max(r, min, 3));
                },
                (r, s) -> {
                    int intp = 1 + r.nextInt(4);
                    int min = r.nextInt(2);
                    return new Ca3(teams(r, s), teams(r, s), intp, pick(r, Mode.values()), min, max(r, min, intp));
                },
                (r, s) -> {
                    int min = r.nextInt(2);
                    return new Ca4(teams(r, s), teams(r, s), slots(r, s), pick(r, Mode.values()), pick(r, Ca4.Spread.values()),
                            min, max(r, min, 4));
                });
    }

    /** An upper bound from min to {@code most}, or none one time in five. */
    static int max(SplittableRandom r, int min, int most) {
        return r.nextInt(5) == 0 ? RuleCatalogue.NO_LIMIT : min + r.nextInt(Math.max(1, most - min + 1));
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.compact(4), RandomSeasons.Shape.compact(6), RandomSeasons.Shape.relaxed(4, 3, false));
    }
}
