package io.flextime.export.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.flextime.core.model.Game;
import io.flextime.core.model.ScheduleVersion;
import io.flextime.core.model.Season;
import io.flextime.core.model.Team;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the figures of a schedule version. Travel and breaks per team come from the metrics the
 * solver stored with the version when they cover every team (they are what the solver optimised);
 * otherwise they are recomputed from the games with the season's distances and the break definition.
 */
public final class ScheduleFigures {
    private ScheduleFigures() {
    }

    public static VersionFigures of(Season season, ScheduleVersion schedule) {
        List<Game> games = schedule.games();
        List<SlotColumn> columns = HomeAwayPattern.columns(season, games);
        Map<String, String> names = teamNames(season, games);
        JsonNode metrics = schedule.metrics();
        Map<String, Double> solverTravel = numbers(metrics, "travelPerTeam", names.keySet());
        Map<String, Double> solverBreaks = numbers(metrics, "breaksPerTeam", names.keySet());
        Season.DistanceTable distances = season.distanceTable();
        List<TeamFigures> teams = new ArrayList<>();
        for (Map.Entry<String, String> team : names.entrySet()) {
            String id = team.getKey();
            List<PatternCell> cells = HomeAwayPattern.cells(id, columns, games);
            Double travel = solverTravel != null ? solverTravel.get(id) : recomputedTravel(season, distances, id, games);
            int breaks = solverBreaks != null ? solverBreaks.get(id).intValue() : HomeAwayPattern.breaks(cells);
            teams.add(new TeamFigures(id, team.getValue(), travel, breaks, HomeAwayPattern.count(cells, PatternCell.Role.HOME),
                    HomeAwayPattern.count(cells, PatternCell.Role.AWAY), HomeAwayPattern.count(cells, PatternCell.Role.BYE), cells));
        }
        Map<String, Double> violations = violations(metrics);
        return new VersionFigures(schedule.tenant(), schedule.season(), season.name(), schedule.id().toString(),
                schedule.status(), schedule.objective(), schedule.createdAt(), games.size(), totalTravel(teams),
                teams.stream().mapToInt(TeamFigures::breaks).sum(),
                violations.values().stream().mapToDouble(Double::doubleValue).sum(),
                solverTravel != null ? VersionFigures.SOLVER : VersionFigures.RECOMPUTED,
                solverBreaks != null ? VersionFigures.SOLVER : VersionFigures.RECOMPUTED, columns, teams, violations);
    }

    /** The season's teams in its order, then any team a game names that the season does not list. */
    private static Map<String, String> teamNames(Season season, List<Game> games) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Team t : season.teams()) {
            names.put(t.id(), t.name() == null ? t.id() : t.name());
        }
        Set<String> named = new LinkedHashSet<>();
        games.forEach(g -> {
            named.add(g.homeTeam());
            named.add(g.awayTeam());
        });
        named.forEach(id -> names.putIfAbsent(id, id));
        return names;
    }

    private static Double recomputedTravel(Season season, Season.DistanceTable distances, String team, List<Game> games) {
        String homeVenue = season.team(team).map(Team::venueId).orElse(null);
        List<String> venues = HomeAwayPattern.gamesOf(team, games).stream()
                .map(g -> g.venueId() != null ? g.venueId() : season.team(g.homeTeam()).map(Team::venueId).orElse(null))
                .toList();
        double km = TeamTravel.km(season, distances, homeVenue, venues);
        return Double.isNaN(km) ? null : km;
    }

    private static Double totalTravel(List<TeamFigures> teams) {
        List<Double> known = teams.stream().map(TeamFigures::travelKm).filter(Objects::nonNull).toList();
        return known.isEmpty() ? null : known.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** A per-team metric when the solver recorded it for every team, else null (recompute). */
    private static Map<String, Double> numbers(JsonNode metrics, String field, Set<String> teams) {
        JsonNode node = metrics == null ? null : metrics.get(field);
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String team : teams) {
            JsonNode value = node.get(team);
            if (value == null || !value.isNumber()) {
                return null;
            }
            out.put(team, value.asDouble());
        }
        return out;
    }

    /** Penalty per constraint id, sorted by id (the stored JSON object has no meaningful order). */
    private static Map<String, Double> violations(JsonNode metrics) {
        Map<String, Double> out = new TreeMap<>();
        JsonNode node = metrics == null ? null : metrics.get("violations");
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    out.put(e.getKey(), e.getValue().asDouble());
                }
            });
        }
        return new LinkedHashMap<>(out);
    }
}
