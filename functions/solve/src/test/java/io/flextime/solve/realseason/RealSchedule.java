package io.flextime.solve.realseason;

import io.flextime.core.model.GreatCircle;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A conference's real regular season as played ({@code data/conferences/<folder>}: {@code teams.csv},
 * {@code games.csv}), and the statistics of it that the derived seasons keep as rules. Every game is
 * placed at its host's home city (neutral-site games too: the data gives no coordinates for a third
 * city), which is also how the model counts travel.
 */
public record RealSchedule(String name, List<RealTeam> teams, List<RealGame> games) {

    public record RealTeam(String id, String name, double lat, double lon) {
    }

    public record RealGame(LocalDate date, String home, String away) {
    }

    public static RealSchedule read(Path folder) throws IOException {
        List<RealTeam> teams = new ArrayList<>();
        for (CSVRecord r : csv(folder.resolve("teams.csv"))) {
            teams.add(new RealTeam(r.get("id"), r.get("name"), Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lon"))));
        }
        List<RealGame> games = new ArrayList<>();
        for (CSVRecord r : csv(folder.resolve("games.csv"))) {
            games.add(new RealGame(LocalDate.parse(r.get("date")), r.get("home_id"), r.get("away_id")));
        }
        games.sort(Comparator.comparing(RealGame::date).thenComparing(RealGame::home));
        return new RealSchedule(folder.getFileName().toString(), List.copyOf(teams), List.copyOf(games));
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** The distinct game dates, in order: the derived seasons' slots. */
    public List<LocalDate> dates() {
        return List.copyOf(new TreeSet<>(games.stream().map(RealGame::date).toList()));
    }

    /** Each team's games in date order. */
    public Map<String, List<RealGame>> gamesByTeam() {
        Map<String, List<RealGame>> out = new LinkedHashMap<>();
        teams.forEach(t -> out.put(t.id(), new ArrayList<>()));
        for (RealGame g : games) {
            out.get(g.home()).add(g);
            out.get(g.away()).add(g);
        }
        return out;
    }

    public Map<LocalDate, Integer> gamesPerDate() {
        Map<LocalDate, Integer> out = new LinkedHashMap<>();
        dates().forEach(d -> out.put(d, 0));
        games.forEach(g -> out.merge(g.date(), 1, Integer::sum));
        return out;
    }

    /** Fewest days between two consecutive games of a team. */
    public int minRestDays() {
        int min = Integer.MAX_VALUE;
        for (List<RealGame> own : gamesByTeam().values()) {
            for (int i = 1; i < own.size(); i++) {
                min = Math.min(min, (int) ChronoUnit.DAYS.between(own.get(i - 1).date(), own.get(i).date()));
            }
        }
        return min;
    }

    /** Most consecutive games of a team as the away team (a bye between two of them does not end the run). */
    public int longestRoadTrip() {
        int longest = 0;
        for (Map.Entry<String, List<RealGame>> e : gamesByTeam().entrySet()) {
            int run = 0;
            for (RealGame g : e.getValue()) {
                run = g.away().equals(e.getKey()) ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    /**
     * Fewest slots (game dates) strictly between two meetings of a pair, or -1 when no pair meets twice:
     * the SE1 minimum the real schedule keeps on the derived calendar.
     */
    public int rematchSeparationSlots() {
        Map<LocalDate, Integer> slotOf = new HashMap<>();
        List<LocalDate> dates = dates();
        for (int s = 0; s < dates.size(); s++) {
            slotOf.put(dates.get(s), s);
        }
        Map<String, Integer> firstMeeting = new HashMap<>();
        int min = Integer.MAX_VALUE;
        for (RealGame g : games) {
            String pair = g.home().compareTo(g.away()) < 0 ? g.home() + "|" + g.away() : g.away() + "|" + g.home();
            Integer first = firstMeeting.putIfAbsent(pair, slotOf.get(g.date()));
            if (first != null) {
                min = Math.min(min, slotOf.get(g.date()) - first - 1);
            }
        }
        return min == Integer.MAX_VALUE ? -1 : min;
    }

    /**
     * The fewest home games and the fewest away games any team has among its first ({@code fromEnd}
     * false) or last {@code k} games: the balance every team keeps there.
     */
    public int[] fewestHomeAndAway(int k, boolean fromEnd) {
        int fewestHome = Integer.MAX_VALUE;
        int fewestAway = Integer.MAX_VALUE;
        for (Map.Entry<String, List<RealGame>> e : gamesByTeam().entrySet()) {
            List<RealGame> own = e.getValue();
            List<RealGame> part = fromEnd ? own.subList(Math.max(0, own.size() - k), own.size()) : own.subList(0, Math.min(k, own.size()));
            long home = part.stream().filter(g -> g.home().equals(e.getKey())).count();
            fewestHome = Math.min(fewestHome, (int) home);
            fewestAway = Math.min(fewestAway, part.size() - (int) home);
        }
        return new int[] {fewestHome, fewestAway};
    }

    /**
     * The real schedule's travel in km, computed here on its own (TTP convention: each team starts at
     * home, goes from game city to game city in date order and returns home; great circle), as an
     * independent check of the model and the evaluator.
     */
    public double travelKm() {
        Map<String, RealTeam> byId = new HashMap<>();
        teams.forEach(t -> byId.put(t.id(), t));
        double km = 0;
        for (Map.Entry<String, List<RealGame>> e : gamesByTeam().entrySet()) {
            RealTeam at = byId.get(e.getKey());
            RealTeam home = at;
            for (RealGame g : e.getValue()) {
                RealTeam venue = byId.get(g.home());
                km += GreatCircle.km(at.lat(), at.lon(), venue.lat(), venue.lon());
                at = venue;
            }
            km += GreatCircle.km(at.lat(), at.lon(), home.lat(), home.lon());
        }
        return km;
    }
}
