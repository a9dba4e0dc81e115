package io.flextime.validate.quality;

import io.flextime.core.model.Season;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Missing values among the values a season is expected to have (README "Quality score"): only the
 * fields the pipeline uses count, and only where they apply (no slot dates for an undated RobinX
 * instance, no coordinates when a distance matrix is given, no venue ids when there are no venues).
 */
@RegisterForReflection
public record Completeness(long expected, long missing) {

    public static final Completeness NONE = new Completeness(0, 0);

    public double nullFraction() {
        return expected == 0 ? 0 : (double) missing / expected;
    }

    public Completeness plus(Completeness other) {
        return new Completeness(expected + other.expected, missing + other.missing);
    }

    public static Completeness of(Season s) {
        boolean dated = s.start() != null || s.end() != null || s.slots().stream().anyMatch(x -> x.date() != null);
        boolean hasVenues = !s.venues().isEmpty();
        boolean needsCoordinates = hasVenues && s.distances().isEmpty();
        long[] c = new long[2];
        count(c, s.name());
        if (dated) {
            count(c, s.start());
            count(c, s.end());
            count(c, s.timeZone());
        }
        for (Team t : s.teams()) {
            count(c, t.name());
            if (hasVenues) {
                count(c, t.venueId());
            }
            if (dated) {
                String venueZone = s.venue(t.venueId() == null ? "" : t.venueId()).map(Venue::timeZone).orElse(null);
                count(c, t.timeZone() != null ? t.timeZone() : venueZone != null ? venueZone : s.timeZone());
            }
        }
        for (Venue v : s.venues()) {
            count(c, v.name());
            if (needsCoordinates) {
                count(c, v.latitude());
                count(c, v.longitude());
            }
        }
        if (dated) {
            for (Slot slot : s.slots()) {
                count(c, slot.date());
            }
        }
        return new Completeness(c[0], c[1]);
    }

    private static void count(long[] c, Object value) {
        c[0]++;
        if (value == null || value instanceof String str && str.isBlank()) {
            c[1]++;
        }
    }
}
