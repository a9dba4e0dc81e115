package io.flextime.validate.checks;

import io.flextime.core.model.SeasonIndex;
import static io.flextime.validate.findings.FindingCode.ANOM_DISTANCE_ASYMMETRIC;
import static io.flextime.validate.findings.FindingCode.ANOM_DISTANCE_BELOW_GREAT_CIRCLE;
import static io.flextime.validate.findings.FindingCode.ANOM_DISTANCE_TRIANGLE;

import io.flextime.core.model.Distance;
import io.flextime.core.model.GreatCircle;
import io.flextime.core.model.Venue;
import io.flextime.validate.findings.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An explicit distance matrix should be (nearly) symmetric, keep the triangle inequality, and never be
 * shorter than the great circle between the venues (no road or flight beats it).
 */
public final class DistanceMatrixCheck implements SeasonCheck {
    /** Absolute slack on top of the relative tolerance, so rounded small distances don't trip it. */
    static final double SLACK_KM = 1.0;

    private final double tolerance;

    public DistanceMatrixCheck(double tolerance) {
        this.tolerance = tolerance;
    }

    @Override
    public void check(SeasonIndex index, List<Finding> out) {
        Map<String, Double> km = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        Set<String> venues = new LinkedHashSet<>();
        List<Distance> all = index.season().distances();
        for (int i = 0; i < all.size(); i++) {
            Distance d = all.get(i);
            if (d.km() >= 0 && !d.fromVenue().equals(d.toVenue())) {
                km.putIfAbsent(key(d.fromVenue(), d.toVenue()), d.km());
                rows.putIfAbsent(key(d.fromVenue(), d.toVenue()), i + 1);
                venues.add(d.fromVenue());
                venues.add(d.toVenue());
            }
        }
        List<String> ids = new ArrayList<>(venues);
        for (String a : ids) {
            for (String b : ids) {
                Double ab = km.get(key(a, b));
                if (ab == null) {
                    continue;
                }
                Double ba = km.get(key(b, a));
                if (a.compareTo(b) < 0 && ba != null && Math.abs(ab - ba) > tolerance * Math.max(ab, ba) + SLACK_KM) {
                    out.add(ANOM_DISTANCE_ASYMMETRIC.at("distance", a + ">" + b, rows.get(key(a, b)), "km", String.format(Locale.ROOT,
                            "%s -> %s is %.1f km but %s -> %s is %.1f km", a, b, ab, b, a, ba)));
                }
                greatCircle(index, a, b, ab, rows.get(key(a, b)), out);
                for (String c : ids) {
                    Double bc = km.get(key(b, c));
                    Double ac = km.get(key(a, c));
                    if (bc != null && ac != null && !a.equals(c) && ac > (ab + bc) * (1 + tolerance) + SLACK_KM) {
                        out.add(ANOM_DISTANCE_TRIANGLE.at("distance", a + ">" + c, rows.get(key(a, c)), "km", String.format(
                                Locale.ROOT, "%s -> %s is %.1f km, longer than via %s (%.1f + %.1f km)", a, c, ac, b, ab, bc)));
                        break;
                    }
                }
            }
        }
    }

    private void greatCircle(SeasonIndex index, String a, String b, double ab, Integer row, List<Finding> out) {
        Venue va = index.venue(a).orElse(null);
        Venue vb = index.venue(b).orElse(null);
        if (va == null || vb == null || va.latitude() == null || va.longitude() == null || vb.latitude() == null
                || vb.longitude() == null) {
            return;
        }
        double gc = GreatCircle.km(va.latitude(), va.longitude(), vb.latitude(), vb.longitude());
        if (ab < gc * (1 - tolerance) - SLACK_KM) {
            out.add(ANOM_DISTANCE_BELOW_GREAT_CIRCLE.at("distance", a + ">" + b, row, "km", String.format(Locale.ROOT,
                    "%s -> %s is %.1f km, shorter than the great circle between their coordinates (%.1f km)", a, b, ab, gc)));
        }
    }

    private static String key(String a, String b) {
        return a + '\u0000' + b;
    }
}
