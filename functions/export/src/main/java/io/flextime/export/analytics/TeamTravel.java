package io.flextime.export.analytics;

import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonFormat;
import java.util.List;

/**
 * Km one team travels over its games in date order, by the season's travel mode (the solver's
 * definition): VENUE_TO_VENUE goes from game to game and back home at the end, RETURN_HOME goes home
 * after every game. Distances come from the season's table (matrix, else great-circle).
 */
public final class TeamTravel {
    private TeamTravel() {
    }

    /** NaN when the team has no home venue or a distance is unknown (no matrix entry and no coordinates). */
    public static double km(Season season, Season.DistanceTable table, String homeVenue, List<String> gameVenues) {
        if (homeVenue == null) {
            return Double.NaN;
        }
        try {
            double km = 0;
            if (season.format().travel() == SeasonFormat.TravelMode.RETURN_HOME) {
                for (String at : gameVenues) {
                    km += at == null ? 0 : table.km(homeVenue, at) + table.km(at, homeVenue);
                }
                return km;
            }
            String at = homeVenue;
            for (String next : gameVenues) {
                if (next != null) {
                    km += table.km(at, next);
                    at = next;
                }
            }
            return km + table.km(at, homeVenue);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }
}
