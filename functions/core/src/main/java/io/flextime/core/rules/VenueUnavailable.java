package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** A venue that cannot host on some slots, dates or weekdays (FlexTime extension). */
public record VenueUnavailable(String venue, List<Integer> slots, List<LocalDate> dates, List<DayOfWeek> weekdays) implements Rule {
    static final Param<String> VENUE = Param.of("venue", ParamType.VENUE_ID, "the venue").required();

    public static final RuleDefinition<VenueUnavailable> DEFINITION = RuleDefinition.<VenueUnavailable>of(
                    ConstraintType.VENUE_UNAVAILABLE, "venue")
            .holds("no team based at venue plays at home in the covered slots")
            .deviation("home games there")
            .param(VENUE, VenueUnavailable::venue).param(SlotCover.SLOTS, VenueUnavailable::slots)
            .param(SlotCover.DATES, VenueUnavailable::dates).param(SlotCover.WEEKDAYS, VenueUnavailable::weekdays)
            .atLeastOne(SlotCover.SLOTS, SlotCover.DATES, SlotCover.WEEKDAYS)
            .build(v -> new VenueUnavailable(v.get(VENUE), v.get(SlotCover.SLOTS), v.get(SlotCover.DATES), v.get(SlotCover.WEEKDAYS)));

    public VenueUnavailable {
        slots = List.copyOf(slots);
        dates = List.copyOf(dates);
        weekdays = List.copyOf(weekdays);
    }

    public SlotCover cover() {
        return new SlotCover(slots, dates, weekdays);
    }

    @Override
    public ConstraintType type() {
        return ConstraintType.VENUE_UNAVAILABLE;
    }
}
