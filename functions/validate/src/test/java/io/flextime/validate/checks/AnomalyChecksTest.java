package io.flextime.validate.checks;

import static io.flextime.validate.SeasonFixtures.valid;
import static io.flextime.validate.SeasonFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flextime.core.model.Distance;
import io.flextime.core.model.GreatCircle;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.validate.findings.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Check class 3: statistical outliers and implausible values. */
class AnomalyChecksTest {

    /** Eight Big 12 arenas (real coordinates) so the statistics have a sample. */
    static io.flextime.core.model.Season eightVenues(java.util.function.UnaryOperator<List<Venue>> change) {
        List<Venue> venues = new ArrayList<>(List.of(
                new Venue("allen", "Allen Fieldhouse", "Lawrence", 38.954306, -95.2523944, 16300, "America/Chicago"),
                new Venue("hilton", "Hilton Coliseum", "Ames", 42.022694, -93.635083, 14384, "America/Chicago"),
                new Venue("bramlage", "Bramlage Coliseum", "Manhattan", 39.200361, -96.593833, 11654, "America/Chicago"),
                new Venue("foster", "Foster Pavilion", "Waco", 31.5566983, -97.1216133, 7500, "America/Chicago"),
                new Venue("gallagher", "Gallagher-Iba Arena", "Stillwater", 36.12583, -97.065, 13611, "America/Chicago"),
                new Venue("schollmaier", "Schollmaier Arena", "Fort Worth", 32.708774, -97.36673, 6800, "America/Chicago"),
                new Venue("usa", "United Supermarkets Arena", "Lubbock", 33.5812611, -101.8866361, 15098, "America/Chicago"),
                new Venue("fertitta", "Fertitta Center", "Houston", 29.72472, -95.34694, 7100, "America/Chicago")));
        List<Venue> changed = change.apply(venues);
        List<Team> teams = changed.stream().map(v -> new Team("t-" + v.id(), v.city(), v.id(), v.timeZone(), Map.of())).toList();
        return with(valid(), b -> {
            b.venues = changed;
            b.teams = new ArrayList<>(teams);
            b.slots = new ArrayList<>(io.flextime.validate.SeasonFixtures.slots(14));
            return b;
        });
    }

    @Test
    void realArenasRaiseNoAnomaly() {
        assertEquals(List.of(), Findings.of(new VenueAnomalyCheck(3.5), eightVenues(v -> v)));
    }

    @Test
    void aVenueWithAFlippedLongitudeIsThousandsOfKilometresOffAndInTheWrongTimeZone() {
        var season = eightVenues(v -> {
            v.set(0, new Venue("allen", "Allen Fieldhouse", "Lawrence", 38.954306, 95.2523944, 16300, "America/Chicago"));
            return v;
        });
        List<Finding> found = Findings.of(new VenueAnomalyCheck(3.5), season);
        assertEquals(List.of("ANOM_VENUE_LOCATION_OUTLIER", "ANOM_VENUE_TIME_ZONE_LONGITUDE"),
                found.stream().map(Finding::code).toList());
        assertTrue(found.stream().allMatch(f -> "allen".equals(f.entityId())));
    }

    @Test
    void anImplausibleCapacityIsAnOutlier() {
        var season = eightVenues(v -> {
            v.set(3, new Venue("foster", "Foster Pavilion", "Waco", 31.5566983, -97.1216133, 750_000, "America/Chicago"));
            return v;
        });
        assertEquals(List.of("ANOM_CAPACITY_IMPLAUSIBLE", "ANOM_CAPACITY_OUTLIER"), Findings.codes(new VenueAnomalyCheck(3.5), season));
    }

    @Test
    void aGreatCircleMatrixPassesAndAnAsymmetricShortcutDoesNot() {
        var base = eightVenues(v -> v);
        List<Distance> matrix = new ArrayList<>();
        for (Venue a : base.venues()) {
            for (Venue b : base.venues()) {
                if (!a.id().equals(b.id())) {
                    matrix.add(new Distance(a.id(), b.id(), GreatCircle.km(a.latitude(), a.longitude(), b.latitude(), b.longitude())));
                }
            }
        }
        var good = with(base, b -> {
            b.distances = matrix;
            return b;
        });
        assertEquals(List.of(), Findings.of(new DistanceMatrixCheck(0.05), good));

        var bad = with(good, b -> {
            b.distances = new ArrayList<>(b.distances);
            for (int i = 0; i < b.distances.size(); i++) {
                Distance d = b.distances.get(i);
                if (d.fromVenue().equals("allen") && d.toVenue().equals("fertitta")) {
                    b.distances.set(i, new Distance("allen", "fertitta", 5000)); // longer than any detour, and asymmetric
                }
                if (d.fromVenue().equals("hilton") && d.toVenue().equals("foster")) {
                    b.distances.set(i, new Distance("hilton", "foster", 100)); // shorter than the great circle
                }
            }
            return b;
        });
        List<String> codes = Findings.codes(new DistanceMatrixCheck(0.05), bad);
        assertTrue(codes.contains("ANOM_DISTANCE_ASYMMETRIC"), codes.toString());
        assertTrue(codes.contains("ANOM_DISTANCE_TRIANGLE"), codes.toString());
        assertTrue(codes.contains("ANOM_DISTANCE_BELOW_GREAT_CIRCLE"), codes.toString());
    }
}
