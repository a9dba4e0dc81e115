package io.flextime.validate.checks;

import io.flextime.core.model.SeasonIndex;
import static io.flextime.validate.findings.FindingCode.ANOM_CAPACITY_IMPLAUSIBLE;
import static io.flextime.validate.findings.FindingCode.ANOM_CAPACITY_OUTLIER;
import static io.flextime.validate.findings.FindingCode.ANOM_DUPLICATE_COORDINATES;
import static io.flextime.validate.findings.FindingCode.ANOM_VENUE_LOCATION_OUTLIER;
import static io.flextime.validate.findings.FindingCode.ANOM_VENUE_TIME_ZONE_LONGITUDE;

import io.flextime.core.model.GreatCircle;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.validate.findings.Finding;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Venues that do not look like the others: far away, in the wrong time zone, odd capacities. */
public final class VenueAnomalyCheck implements SeasonCheck {
    /** Fewer values than this make no statistics. */
    static final int MIN_SAMPLE = 5;
    static final double FAR_KM = 1000;
    /** A time zone spans about 15 degrees; politics stretches that, so only twice as far is suspicious. */
    static final double ZONE_TOLERANCE_DEGREES = 30;
    static final int MIN_CAPACITY = 100;
    static final int MAX_CAPACITY = 200_000;

    private final double zThreshold;

    public VenueAnomalyCheck(double zThreshold) {
        this.zThreshold = zThreshold;
    }

    @Override
    public void check(SeasonIndex index, List<Finding> out) {
        List<Venue> located = index.season().venues().stream()
                .filter(v -> v.latitude() != null && v.longitude() != null && Math.abs(v.latitude()) <= 90
                        && Math.abs(v.longitude()) <= 180)
                .toList();
        locationOutliers(index, located, out);
        timeZones(index, located, out);
        capacities(index, out);
        Map<String, String> byPoint = new HashMap<>();
        for (Venue v : located) {
            String other = byPoint.putIfAbsent(v.latitude() + "," + v.longitude(), v.id());
            if (other != null && !other.equals(v.id())) {
                out.add(ANOM_DUPLICATE_COORDINATES.at("venue", v.id(), index.venueRow(v.id()), "latitude", "Venue '" + v.id()
                        + "' has the same coordinates as '" + other + "'"));
            }
        }
    }

    private void locationOutliers(SeasonIndex index, List<Venue> located, List<Finding> out) {
        if (located.size() < MIN_SAMPLE) {
            return;
        }
        double medianLat = new RobustZ(located.stream().mapToDouble(Venue::latitude).toArray()).median();
        double medianLon = new RobustZ(located.stream().mapToDouble(Venue::longitude).toArray()).median();
        double[] km = located.stream().mapToDouble(v -> GreatCircle.km(v.latitude(), v.longitude(), medianLat, medianLon))
                .toArray();
        RobustZ z = new RobustZ(km);
        for (int i = 0; i < located.size(); i++) {
            Venue v = located.get(i);
            if (z.z(km[i]) > zThreshold && km[i] > FAR_KM) {
                out.add(ANOM_VENUE_LOCATION_OUTLIER.at("venue", v.id(), index.venueRow(v.id()), "latitude", String.format(
                        java.util.Locale.ROOT, "Venue '%s' at (%.4f, %.4f) is %.0f km from the middle of the other venues "
                                + "(typical: %.0f km; robust z %.1f): swapped or mistyped coordinates?",
                        v.id(), v.latitude(), v.longitude(), km[i], z.median(), z.z(km[i]))));
            }
        }
    }

    private void timeZones(SeasonIndex index, List<Venue> located, List<Finding> out) {
        Map<String, String> teamZoneOfVenue = new HashMap<>();
        for (Team t : index.teams) {
            if (t.venueId() != null && t.timeZone() != null) {
                teamZoneOfVenue.putIfAbsent(t.venueId(), t.timeZone());
            }
        }
        Instant when = index.season().start() == null ? Instant.parse("2026-01-15T00:00:00Z")
                : index.season().start().atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Venue v : located) {
            String zone = v.timeZone() != null ? v.timeZone() : teamZoneOfVenue.get(v.id());
            if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
                continue;
            }
            double expected = ZoneId.of(zone).getRules().getStandardOffset(when).getTotalSeconds() / 3600.0 * 15;
            double off = Math.abs(v.longitude() - expected) % 360;
            off = Math.min(off, 360 - off);
            if (off > ZONE_TOLERANCE_DEGREES) {
                out.add(ANOM_VENUE_TIME_ZONE_LONGITUDE.at("venue", v.id(), index.venueRow(v.id()), "longitude", String.format(
                        java.util.Locale.ROOT, "Venue '%s' longitude %.4f is %.0f degrees from its time zone %s (around %.0f)",
                        v.id(), v.longitude(), off, zone, expected)));
            }
        }
    }

    private void capacities(SeasonIndex index, List<Finding> out) {
        List<Venue> withCapacity = index.season().venues().stream().filter(v -> v.capacity() != null && v.capacity() > 0).toList();
        for (Venue v : withCapacity) {
            if (v.capacity() < MIN_CAPACITY || v.capacity() > MAX_CAPACITY) {
                out.add(ANOM_CAPACITY_IMPLAUSIBLE.at("venue", v.id(), index.venueRow(v.id()), "capacity", "Venue '" + v.id()
                        + "' capacity " + v.capacity() + " is outside [" + MIN_CAPACITY + ", " + MAX_CAPACITY + "]"));
            }
        }
        if (withCapacity.size() < MIN_SAMPLE) {
            return;
        }
        RobustZ z = new RobustZ(withCapacity.stream().mapToDouble(Venue::capacity).toArray());
        for (Venue v : withCapacity) {
            if (Math.abs(z.z(v.capacity())) > zThreshold) {
                out.add(ANOM_CAPACITY_OUTLIER.at("venue", v.id(), index.venueRow(v.id()), "capacity", String.format(
                        java.util.Locale.ROOT, "Venue '%s' capacity %d is far from the typical %.0f (robust z %.1f)",
                        v.id(), v.capacity(), z.median(), z.z(v.capacity()))));
            }
        }
    }
}
