package io.flextime.rules.calendar;

import io.flextime.core.rules.MinRestDays;
import io.flextime.core.rules.TeamUnavailable;
import io.flextime.rules.RuleLogic;

/** The calendar family: a team's blackout slots, dates and weekdays, and rest days between its games. */
public final class Calendar {
    public static final RuleLogic<TeamUnavailable> TEAM_UNAVAILABLE = RuleLogic.of(CalendarRows::teamUnavailable,
            CalendarCheck::teamUnavailable);
    public static final RuleLogic<MinRestDays> MIN_REST_DAYS = RuleLogic.of(CalendarRows::minRestDays,
            CalendarCheck::minRestDays);

    private Calendar() {
    }
}
