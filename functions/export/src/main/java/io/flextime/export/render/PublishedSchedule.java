package io.flextime.export.render;

import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.export.analytics.TeamTravel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a format needs to render one published schedule version: the season it solves, the
 * schedule, and every game with its calendar identity (cancelled games included, for calendars).
 *
 * @param publishedAt when this version was published; DTSTAMP and file metadata use it so a
 *                    re-render of the same version gives the same bytes
 */
public record PublishedSchedule(String tenant, Season season, ScheduleVersion schedule, String sourceFormat,
        Instant publishedAt, List<PublishedGame> games) {

    public static final Comparator<PublishedGame> BY_TIME = Comparator
            .comparing((PublishedGame g) -> g.date() == null ? LocalDate.MAX : g.date())
            .thenComparingInt(PublishedGame::slotIndex)
            .thenComparing(g -> g.number() == null ? Integer.MAX_VALUE : g.number());

    public PublishedSchedule {
        games = games.stream().sorted(BY_TIME).toList();
    }

    /** The games that are on, in date order. */
    public List<PublishedGame> confirmedGames() {
        return games.stream().filter(PublishedGame::confirmed).toList();
    }

    public List<PublishedGame> confirmedGamesOf(String team) {
        return games.stream().filter(g -> g.confirmed() && g.involves(team)).toList();
    }

    public List<PublishedGame> gamesOf(String team) {
        return games.stream().filter(g -> g.involves(team)).toList();
    }

    public String teamName(String id) {
        return season.team(id).map(Team::name).orElse(id);
    }

    public Optional<Venue> venue(String id) {
        return id == null ? Optional.empty() : season.venue(id);
    }

    /** Where a game is played: its own venue, else the home team's. */
    public String venueOf(PublishedGame g) {
        if (g.venueId() != null) {
            return g.venueId();
        }
        return season.team(g.homeTeam()).map(Team::venueId).orElse(null);
    }

    public String venueName(PublishedGame g) {
        String id = venueOf(g);
        return venue(id).map(Venue::name).orElse(id == null ? "" : id);
    }

    public Optional<Slot> slot(int index) {
        return season.slots().stream().filter(s -> s.index() == index).findFirst();
    }

    public LocalTime startTime(PublishedGame g) {
        return slot(g.slotIndex()).map(Slot::startTime).orElse(null);
    }

    public LocalTime endTime(PublishedGame g) {
        return slot(g.slotIndex()).map(Slot::endTime).orElse(null);
    }

    /** The local time zone of a game: its venue's, else the home team's, else the season's, else UTC. */
    public ZoneId zoneOf(PublishedGame g) {
        String tz = venue(venueOf(g)).map(Venue::timeZone).orElse(null);
        if (tz == null) {
            tz = season.team(g.homeTeam()).map(Team::timeZone).orElse(null);
        }
        if (tz == null) {
            tz = season.timeZone();
        }
        return tz == null ? ZoneId.of("UTC") : ZoneId.of(tz);
    }

    /** Travel per team in km over the confirmed games, by the season's travel mode; NaN when a distance is unknown. */
    public Map<String, Double> travelKm() {
        Map<String, Double> out = new HashMap<>();
        Season.DistanceTable table = season.distanceTable();
        for (Team t : season.teams()) {
            out.put(t.id(), travelOf(t, table));
        }
        return out;
    }

    private double travelOf(Team team, Season.DistanceTable table) {
        List<String> venues = confirmedGamesOf(team.id()).stream().map(this::venueOf).toList();
        return TeamTravel.km(season, table, team.venueId(), venues);
    }
}
