package io.flextime.rules.drift;

import static io.flextime.rules.drift.RandomSeasons.teams;

import io.flextime.core.model.Season;
import io.flextime.core.rules.WeekdayPattern;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The sequence family (WEEKDAY_PATTERN): rows, reference check and probe agree (no annealing term). */
class SequenceDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of(SequenceDriftTest::weekdayPattern);
    }

    /** The weekdays of 2–3 slots in a row of the season (so runs occur), within 3–8 days. */
    static WeekdayPattern weekdayPattern(SplittableRandom r, Season s) {
        int m = 2 + r.nextInt(2);
        int start = r.nextInt(s.slots().size() - m);
        List<DayOfWeek> days = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            days.add(s.slots().get(start + k + (k > 0 && r.nextInt(3) == 0 ? 1 : 0)).date().getDayOfWeek());
        }
        return new WeekdayPattern(teams(r, s), days, 3 + r.nextInt(6));
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.relaxed(4, 4, true), RandomSeasons.Shape.relaxed(6, 3, true),
                new RandomSeasons.Shape(4, true, 0, true, false));
    }
}
