package io.flextime.core.rules;

import io.flextime.core.model.ConstraintType;

/** A venue that cannot host on some slots, dates or weekdays (FlexTime extension). */
public record VenueUnavailable(String venue, SlotCover cover) implements Rule {
    static final Param<String> VENUE = Param.of("venue", ParamType.VENUE_ID, "the venue").required();

    public static final RuleDefinition<VenueUnavailable> DEFINITION = RuleDefinition.<VenueUnavailable>of(
                    ConstraintType.VENUE_UNAVAILABLE, "venue")
            .holds("no team based at venue plays at home in the covered slots")
            .deviation("home games there")
            .param(VENUE, VenueUnavailable::venue).cover(VenueUnavailable::cover)
            .build(v -> new VenueUnavailable(v.get(VENUE), SlotCover.of(v)));

    @Override
    public ConstraintType type() {
        return ConstraintType.VENUE_UNAVAILABLE;
    }
}
