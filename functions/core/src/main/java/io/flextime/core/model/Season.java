package io.flextime.core.model;

import io.flextime.core.rules.FormatDefaults;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical season dataset (DESIGN §4): what every ingest format becomes and what validate, solve
 * and export read. Historical games are not part of it (they are streamed, see HistoricalGame).
 *
 * @param season key of the season within the tenant, e.g. {@code big12-mbb-2025-26}
 */
public record Season(
        String season,
        String name,
        String sport,
        LocalDate start,
        LocalDate end,
        String timeZone,
        SeasonFormat format,
        ObjectiveWeights weights,
        boolean autoSolve,
        List<Team> teams,
        List<Venue> venues,
        List<Slot> slots,
        List<SeasonConstraint> constraints,
        List<Matchup> matchups,
        List<Distance> distances) {

    public Season {
        weights = weights == null ? ObjectiveWeights.DEFAULT : weights;
        teams = List.copyOf(teams == null ? List.of() : teams);
        venues = List.copyOf(venues == null ? List.of() : venues);
        slots = List.copyOf(slots == null ? List.of() : slots);
        constraints = List.copyOf(constraints == null ? List.of() : constraints);
        matchups = List.copyOf(matchups == null ? List.of() : matchups);
        distances = List.copyOf(distances == null ? List.of() : distances);
        format = FormatDefaults.resolve(format, !matchups.isEmpty());
    }

    public Optional<Team> team(String id) {
        return teams.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Venue> venue(String id) {
        return venues.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** Venue-to-venue distance in km: the explicit matrix when given, else great-circle from coordinates. */
    public DistanceTable distanceTable() {
        Map<String, Double> explicit = new HashMap<>();
        for (Distance d : distances) {
            explicit.put(d.fromVenue() + '\u0000' + d.toVenue(), d.km());
        }
        return (from, to) -> {
            if (from.equals(to)) {
                return 0.0;
            }
            Double km = explicit.get(from + '\u0000' + to);
            if (km != null) {
                return km;
            }
            Venue a = venue(from).orElseThrow(() -> new IllegalArgumentException("unknown venue " + from));
            Venue b = venue(to).orElseThrow(() -> new IllegalArgumentException("unknown venue " + to));
            if (a.latitude() == null || a.longitude() == null || b.latitude() == null || b.longitude() == null) {
                throw new IllegalArgumentException("no distance between " + from + " and " + to
                        + ": no matrix entry and no coordinates");
            }
            return GreatCircle.km(a.latitude(), a.longitude(), b.latitude(), b.longitude());
        };
    }

    /** Distances between venues, in km. */
    @FunctionalInterface
    public interface DistanceTable {
        double km(String fromVenue, String toVenue);
    }
}
