package io.flextime.rules.drift;

import io.flextime.core.model.Team;
import io.flextime.core.rules.SharedVenue;
import io.flextime.core.rules.SlotCover;
import io.flextime.core.rules.VenueUnavailable;
import java.util.List;

/** VENUE_UNAVAILABLE and SHARED_VENUE (venue): rows, reference check and probe agree (no cost terms). */
class VenueDriftTest extends FamilyDrift {

    @Override
    List<RuleMaker> makers() {
        return List.of(
                (r, s) -> {
                    SlotCover cover = CalendarDriftTest.cover(r, s);
                    String venue = s.teams().get(r.nextInt(s.teams().size())).venueId();
                    return new VenueUnavailable(venue, cover);
                },
                (r, s) -> r.nextBoolean() ? new SharedVenue(List.of(), "v0")
                        : new SharedVenue(RandomSeasons.subset(r, s.teams().stream().map(Team::id).toList(), 2), null));
    }

    @Override
    List<RandomSeasons.Shape> shapes() {
        return List.of(RandomSeasons.Shape.relaxed(4, 4, true).withSharedArena(), RandomSeasons.Shape.compact(4).withSharedArena(),
                RandomSeasons.Shape.relaxed(4, 3, false));
    }
}
