package io.flextime.rules.drift;

import static io.flextime.rules.drift.RandomSeasons.pick;
import static io.flextime.rules.drift.RandomSeasons.teams;

import io.flextime.core.model.Season;
import io.flextime.core.rules.ConsecutiveGames;
import io.flextime.core.rules.GameWindow;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.RuleCatalogue;
import io.flextime.core.rules.WeekdayPattern;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The sequence family (WEEKDAY_PATTERN, GAME_WINDOW, CONSECUTIVE_GAMES): rows, reference check and probe agree (no annealing term). */
class SequenceDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of(SequenceDriftTest::weekdayPattern, SequenceDriftTest::gameWindow, SequenceDriftTest::consecutiveGames);
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

    static GameWindow gameWindow(SplittableRandom r, Season s) {
        int k = 1 + r.nextInt(5);
        int min = r.nextInt(3);
        int max = r.nextInt(4) == 0 ? RuleCatalogue.NO_LIMIT : min + r.nextInt(3);
        return new GameWindow(teams(r, s), pick(r, GameWindow.Position.values()), k, pick(r, Mode.values()), min,
                min == 0 && max == RuleCatalogue.NO_LIMIT ? 1 : max);
    }

    static ConsecutiveGames consecutiveGames(SplittableRandom r, Season s) {
        int n = 2 + r.nextInt(4);
        int min = r.nextInt(2);
        int max = r.nextInt(4) == 0 ? RuleCatalogue.NO_LIMIT : min + r.nextInt(3);
        return new ConsecutiveGames(teams(r, s), n, pick(r, Mode.values()), min, min == 0 && max == RuleCatalogue.NO_LIMIT ? 1 : max);
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.relaxed(4, 4, true), RandomSeasons.Shape.relaxed(6, 3, true),
                new RandomSeasons.Shape(4, true, 0, true, false), RandomSeasons.Shape.relaxed(6, 6, true));
    }
}
