package io.flextime.rules.venue;

import io.flextime.core.rules.SharedVenue;
import io.flextime.core.rules.VenueUnavailable;
import io.flextime.rules.RuleLogic;

/** The venue family: a venue's blackout slots, dates and weekdays, and arenas shared by several teams. */
public final class Venues {
    public static final RuleLogic<VenueUnavailable> VENUE_UNAVAILABLE = RuleLogic.of(VenueRows::venueUnavailable,
            VenueCheck::venueUnavailable);
    public static final RuleLogic<SharedVenue> SHARED_VENUE = RuleLogic.of(VenueRows::sharedVenue,
            VenueCheck::sharedVenue).reversibleWhen(r -> true);

    private Venues() {
    }
}
