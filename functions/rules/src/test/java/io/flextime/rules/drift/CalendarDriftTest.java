package io.flextime.rules.drift;

import static io.flextime.rules.drift.RandomSeasons.pick;
import static io.flextime.rules.drift.RandomSeasons.team;
import static io.flextime.rules.drift.RandomSeasons.teams;

import io.flextime.core.model.Season;
import io.flextime.core.model.Slot;
import io.flextime.core.rules.MinRestDays;
import io.flextime.core.rules.Mode;
import io.flextime.core.rules.SlotCover;
import io.flextime.core.rules.TeamUnavailable;
import java.time.DayOfWeek;
import java.util.List;
import java.util.SplittableRandom;

/** TEAM_UNAVAILABLE and MIN_REST_DAYS (calendar): rows, reference check and probe agree (no cost terms). */
class CalendarDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of(
                (r, s) -> {
                    SlotCover cover = cover(r, s);
                    return new TeamUnavailable(team(r, s), cover, pick(r, Mode.values()));
                },
                (r, s) -> new MinRestDays(teams(r, s), 1 + r.nextInt(4)));
    }

    /** Some slots named by index, date or weekday (dates and weekdays in dated seasons only), at least one list. */
    static SlotCover cover(SplittableRandom r, Season s) {
        boolean dated = s.slots().get(0).date() != null;
        while (true) {
            List<Integer> slots = r.nextBoolean() ? List.of() : RandomSeasons.subset(r, s.slots().stream().map(Slot::index).toList(), 1);
            List<java.time.LocalDate> dates = !dated || r.nextBoolean() ? List.of()
                    : RandomSeasons.subset(r, s.slots().stream().map(Slot::date).toList(), 1);
            List<DayOfWeek> weekdays = !dated || r.nextBoolean() ? List.of() : RandomSeasons.subset(r, List.of(DayOfWeek.values()), 1);
            SlotCover cover = new SlotCover(slots, dates, weekdays);
            if (!cover.everySlot()) {
                return cover;
            }
        }
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.relaxed(4, 4, true), RandomSeasons.Shape.relaxed(4, 3, false),
                new RandomSeasons.Shape(4, true, 0, true, false));
    }
}
