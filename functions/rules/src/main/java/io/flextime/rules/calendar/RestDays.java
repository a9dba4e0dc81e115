package io.flextime.rules.calendar;

import io.flextime.core.model.SeasonIndex;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** When two slots are too close for a rule of {@code days} rest days: by date, by slot distance when undated. */
final class RestDays {
    private RestDays() {
    }

    static boolean tooClose(SeasonIndex ix, int s, int u, int days) {
        LocalDate a = ix.date(s);
        LocalDate b = ix.date(u);
        return a != null && b != null ? Math.abs(ChronoUnit.DAYS.between(a, b)) < days : Math.abs(u - s) < days;
    }
}
