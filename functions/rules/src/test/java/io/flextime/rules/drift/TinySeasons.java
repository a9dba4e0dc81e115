package io.flextime.rules.drift;

import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.Slot;
import io.flextime.core.rules.Rule;
import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Hand-made tiny seasons and schedules for the exact-penalty tests of single rule types. */
final class TinySeasons {
    private TinySeasons() {
    }

    /** A double round robin of {@code n} teams t0.. with byes, one slot per date (null dates: undated). */
    static Season season(int n, List<LocalDate> dates, List<SeasonConstraint> rules) {
        Season base = RandomSeasons.season(new SplittableRandom(1), RandomSeasons.Shape.relaxed(n, dates.size() - 2 * (n - 1),
                true), List.of());
        List<Slot> slots = new ArrayList<>();
        for (int s = 0; s < dates.size(); s++) {
            slots.add(new Slot(s, dates.get(s), null, null, "S" + s));
        }
        return new Season(base.season(), base.name(), base.sport(), base.start(), base.end(), base.timeZone(), base.format(),
                base.weights(), base.autoSolve(), base.teams(), base.venues(), slots, rules, base.matchups(), base.distances());
    }

    static SeasonConstraint soft(String id, int penalty, Rule rule) {
        return new SeasonConstraint(id, false, penalty, rule);
    }

    /** Games as "slot:home-away", teams by number: "0:0-1" is t0 hosting t1 in slot 0. */
    static List<Assignment> games(String... games) {
        List<Assignment> out = new ArrayList<>();
        for (String g : games) {
            String[] p = g.split("[:-]");
            out.add(new Assignment(Integer.parseInt(p[0]), "t" + p[1], "t" + p[2]));
        }
        return out;
    }

    /** The evaluator's soft penalty of each constraint (absent: 0). */
    static double penalty(Season season, List<Assignment> games, String id) {
        Evaluation e = new ScheduleEvaluator().evaluate(season, games, RandomSeasons.PENALTIES_ONLY);
        if (!e.structureErrors().isEmpty()) {
            throw new AssertionError("not a schedule of the season: " + e.structureErrors());
        }
        return e.softPenalties().getOrDefault(id, 0.0);
    }
}
