package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** A team that cannot play (home, away or at all) on some slots, dates or weekdays (FlexTime extension). */
public record TeamUnavailable(String team, List<Integer> slots, List<LocalDate> dates, List<DayOfWeek> weekdays, Mode mode)
        implements Rule {
    static final Param<String> TEAM = Param.of("team", ParamType.TEAM_ID, "the team").required();
    static final Param<Mode> MODE = Param.of("mode", ParamType.choice(Mode.values()),
            "the games excluded: home (H), away (A) or all (HA)").orElse(Mode.HA, "HA");

    public static final RuleDefinition<TeamUnavailable> DEFINITION = RuleDefinition.<TeamUnavailable>of(
                    ConstraintType.TEAM_UNAVAILABLE, "calendar")
            .holds("team plays no game of mode in the covered slots")
            .deviation("such games")
            .param(TEAM, TeamUnavailable::team).param(SlotCover.SLOTS, TeamUnavailable::slots)
            .param(SlotCover.DATES, TeamUnavailable::dates).param(SlotCover.WEEKDAYS, TeamUnavailable::weekdays)
            .param(MODE, TeamUnavailable::mode)
            .atLeastOne(SlotCover.SLOTS, SlotCover.DATES, SlotCover.WEEKDAYS)
            .build(v -> new TeamUnavailable(v.get(TEAM), v.get(SlotCover.SLOTS), v.get(SlotCover.DATES), v.get(SlotCover.WEEKDAYS),
                    v.get(MODE)));

    public TeamUnavailable {
        slots = List.copyOf(slots);
        dates = List.copyOf(dates);
        weekdays = List.copyOf(weekdays);
    }

    public SlotCover cover() {
        return new SlotCover(slots, dates, weekdays);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.TEAM_UNAVAILABLE;
    }
}
