package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.time.DayOfWeek;
import java.util.List;

/**
 * Consecutive games of a team on a pattern of weekdays within a few days (FlexTime extension): "no
 * Saturday–Monday–Wednesday" is the pattern [SATURDAY, MONDAY, WEDNESDAY] within 7 days. Reads dates,
 * so it applies to dated seasons only.
 */
public record WeekdayPattern(List<String> teams, List<DayOfWeek> weekdays, int withinDays) implements Rule {
    static final Param<List<String>> TEAMS = Param.teams("teams", "the teams, each on its own");
    static final Param<List<DayOfWeek>> WEEKDAYS = Param.of("weekdays", ParamType.WEEKDAYS,
            "the pattern: the weekdays of consecutive games, in order").required();
    static final Param<Integer> WITHIN = Param.of("withinDays", ParamType.COUNT,
            "the pattern counts when its last game is fewer than this many days after its first").orElse(7, "7");

    public static final RuleDefinition<WeekdayPattern> DEFINITION = RuleDefinition.<WeekdayPattern>of(
                    ConstraintType.WEEKDAY_PATTERN, "sequence")
            .holds("no team plays consecutive games (byes between do not count) on dates x1 < … < xm with the weekdays of "
                    + "the pattern, in order, and xm − x1 < withinDays (dated seasons only)")
            .deviation("per team: such runs of games")
            .param(TEAMS, WeekdayPattern::teams).param(WEEKDAYS, WeekdayPattern::weekdays).param(WITHIN, WeekdayPattern::withinDays)
            .check(List.of(WEEKDAYS), v -> v.get(WEEKDAYS).size() >= 2,
                    v -> v == null ? "at least two weekdays" : "a pattern needs at least two weekdays")
            .check(List.of(WITHIN), v -> v.get(WITHIN) >= 1, v -> v == null ? "withinDays ≥ 1" : "withinDays must be at least 1")
            .datedSeasonsOnly()
            .build(v -> new WeekdayPattern(v.get(TEAMS), v.get(WEEKDAYS), v.get(WITHIN)));

    public WeekdayPattern {
        teams = List.copyOf(teams);
        weekdays = List.copyOf(weekdays);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.WEEKDAY_PATTERN;
    }
}
