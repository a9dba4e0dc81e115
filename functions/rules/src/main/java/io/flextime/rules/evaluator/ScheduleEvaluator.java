package io.flextime.rules.evaluator;

import io.flextime.core.model.Matchup;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Mode;
import io.flextime.rules.RuleFamilies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes feasibility and objective of a schedule from the season alone: the format here, each
 * constraint by its family's reference check, travel leg by leg. Deliberately not sharing the model's
 * formulation nor the annealing's cost terms (only the typed rules and the season index), so a
 * modelling bug shows up as a mismatch instead of being repeated. Definitions are those of the rules
 * README's constraint table.
 */
public final class ScheduleEvaluator {

    public Evaluation evaluate(Season season, List<Assignment> games, ObjectiveWeights weights) {
        return new Run(season, games, weights == null ? season.weights() : weights).evaluate();
    }

    private static final class Run {
        final Season season;
        final List<Assignment> games;
        final ObjectiveWeights weights;
        final SeasonIndex ix;
        final Timetable tt;
        final int n;
        final int slotCount;
        final List<String> structure = new ArrayList<>();
        final Map<String, Integer> hard = new LinkedHashMap<>();
        final Map<String, Double> soft = new LinkedHashMap<>();

        Run(Season season, List<Assignment> games, ObjectiveWeights weights) {
            this.season = season;
            this.games = games;
            this.weights = weights;
            this.ix = new SeasonIndex(season);
            this.tt = new Timetable(ix);
            this.n = ix.n;
            this.slotCount = ix.slotCount;
        }

        Evaluation evaluate() {
            place();
            checkFormat();
            for (SeasonConstraint c : season.constraints()) {
                int deviation = RuleFamilies.of(c).deviation(tt, c, c.rule());
                if (deviation > 0) {
                    if (c.hard()) {
                        hard.merge(c.id(), deviation, Integer::sum);
                    } else if (c.penalty() > 0) {
                        soft.merge(c.id(), (double) deviation * c.penalty(), Double::sum);
                    }
                }
            }
            Map<String, Double> travel = new LinkedHashMap<>();
            Map<String, Integer> breaks = new LinkedHashMap<>();
            double km = 0;
            for (int t = 0; t < n; t++) {
                double teamKm = travelKm(t);
                travel.put(ix.teamId(t), teamKm);
                km += teamKm;
                breaks.put(ix.teamId(t), tt.breaks(t, tt.allSlots(), Mode.HA));
            }
            double penalty = soft.values().stream().mapToDouble(Double::doubleValue).sum();
            double objective = weights.travel() * km + weights.penalty() * penalty;
            return new Evaluation(List.copyOf(structure), hard, soft, travel, breaks, km, penalty, objective);
        }

        void place() {
            for (Assignment g : games) {
                int h = ix.hasTeam(g.home()) ? ix.team(g.home(), "game") : -1;
                int a = ix.hasTeam(g.away()) ? ix.team(g.away(), "game") : -1;
                int s = ix.position(g.slot());
                if (h < 0 || a < 0 || s < 0 || h == a) {
                    structure.add("invalid game " + g);
                    continue;
                }
                if (tt.opponent[h][s] >= 0 || tt.opponent[a][s] >= 0) {
                    structure.add("a team plays twice in slot " + g.slot() + ": " + g);
                    continue;
                }
                tt.opponent[h][s] = a;
                tt.opponent[a][s] = h;
                tt.home[h][s] = true;
            }
        }

        void checkFormat() {
            SeasonFormat f = season.format();
            int[][] met = new int[n][n];
            for (int t = 0; t < n; t++) {
                for (int s = 0; s < slotCount; s++) {
                    if (!tt.plays(t, s)) {
                        if (f.compact()) {
                            structure.add("team " + ix.teamId(t) + " has no game in compact slot " + ix.slotIndex(s));
                        }
                    } else if (tt.hosts(t, s)) {
                        met[t][tt.opponent(t, s)]++;
                    }
                }
            }
            if (!season.matchups().isEmpty()) {
                int[][] wanted = new int[n][n];
                for (Matchup mu : season.matchups()) {
                    wanted[ix.team(mu.home(), "matchups")][ix.team(mu.away(), "matchups")] += mu.meetings();
                }
                forPairs((h, a) -> {
                    if (met[h][a] != wanted[h][a]) {
                        structure.add(ix.teamId(h) + " hosts " + ix.teamId(a) + " " + met[h][a] + "×, matchups say " + wanted[h][a]);
                    }
                });
            } else {
                switch (f.roundRobin()) {
                    case DOUBLE -> forPairs((h, a) -> {
                        if (met[h][a] != 1) {
                            structure.add(ix.teamId(h) + " hosts " + ix.teamId(a) + " " + met[h][a] + "× (double round robin: once)");
                        }
                    });
                    case SINGLE -> forPairs((h, a) -> {
                        if (h < a && met[h][a] + met[a][h] != 1) {
                            structure.add(ix.teamId(h) + " and " + ix.teamId(a) + " meet " + (met[h][a] + met[a][h])
                                    + "× (single round robin: once)");
                        }
                    });
                    case PARTIAL -> checkPartial(f, met);
                    case MATCHUPS -> structure.add("roundRobin MATCHUPS but the season lists no matchups");
                }
            }
            if (f.phased()) {
                checkPhases();
            }
            if (f.mirrored()) {
                int half = slotCount / 2;
                for (int t = 0; t < n; t++) {
                    for (int s = 0; s < half; s++) {
                        if (tt.opponent(t, s) != tt.opponent(t, s + half)
                                || (tt.plays(t, s) && tt.home[t][s] == tt.home[t][s + half])) {
                            structure.add(ix.teamId(t) + ": slot " + ix.slotIndex(s + half) + " does not mirror slot " + ix.slotIndex(s));
                        }
                    }
                }
            }
            if (f.minRestDays() != null && f.minRestDays() > 0) {
                for (int t = 0; t < n; t++) {
                    int close = tt.closeGames(t, f.minRestDays(), false);
                    if (close > 0) {
                        structure.add(ix.teamId(t) + " has " + close + " pairs of games less than " + f.minRestDays() + " days apart");
                    }
                }
            }
        }

        void checkPhases() {
            int half = slotCount / 2;
            for (int t = 0; t < n; t++) {
                Map<Integer, Integer> firstHalf = new HashMap<>();
                Map<Integer, Integer> secondHalf = new HashMap<>();
                for (int s = 0; s < slotCount; s++) {
                    if (tt.plays(t, s)) {
                        (s < half ? firstHalf : secondHalf).merge(tt.opponent(t, s), 1, Integer::sum);
                    }
                }
                String team = ix.teamId(t);
                firstHalf.forEach((o, k) -> {
                    if (k > 1) {
                        structure.add(team + " meets " + ix.teamId(o) + " " + k + "× in the first half (phased)");
                    }
                });
                secondHalf.forEach((o, k) -> {
                    if (k > 1) {
                        structure.add(team + " meets " + ix.teamId(o) + " " + k + "× in the second half (phased)");
                    }
                });
            }
        }

        void checkPartial(SeasonFormat f, int[][] met) {
            for (int t = 0; t < n; t++) {
                int played = 0;
                int hosted = 0;
                int twice = 0;
                for (int o = 0; o < n; o++) {
                    if (o == t) {
                        continue;
                    }
                    if (met[t][o] > 1) {
                        structure.add(ix.teamId(t) + " hosts " + ix.teamId(o) + " " + met[t][o] + "× (partial: at most once)");
                    }
                    played += met[t][o] + met[o][t];
                    hosted += met[t][o];
                    if (met[t][o] > 0 && met[o][t] > 0) {
                        twice++;
                    }
                    int minMeet = f.gamesPerTeam() != null
                            && f.gamesPerTeam() >= n - 1 + (f.twiceOpponents() == null ? 0 : f.twiceOpponents()) ? 1 : 0;
                    if (met[t][o] + met[o][t] < minMeet) {
                        structure.add(ix.teamId(t) + " never meets " + ix.teamId(o));
                    }
                }
                if (f.gamesPerTeam() != null && played != f.gamesPerTeam()) {
                    structure.add(ix.teamId(t) + " plays " + played + " games, format says " + f.gamesPerTeam());
                }
                if (Math.abs(2 * hosted - played) > 1) {
                    structure.add(ix.teamId(t) + " hosts " + hosted + " of " + played + " games (home/away must differ by at most one)");
                }
                if (f.twiceOpponents() != null && twice != f.twiceOpponents()) {
                    structure.add(ix.teamId(t) + " meets " + twice + " opponents twice, format says " + f.twiceOpponents());
                }
            }
        }

        interface PairAction {
            void apply(int h, int a);
        }

        void forPairs(PairAction action) {
            for (int h = 0; h < n; h++) {
                for (int a = 0; a < n; a++) {
                    if (h != a) {
                        action.apply(h, a);
                    }
                }
            }
        }

        double travelKm(int t) {
            if (!hasGeography()) {
                return 0;
            }
            Season.DistanceTable table = season.distanceTable();
            String homeVenue = ix.teams.get(t).venueId();
            long metres = 0;
            if (season.format().travel() == SeasonFormat.TravelMode.RETURN_HOME) {
                for (int s = 0; s < slotCount; s++) {
                    if (tt.plays(t, s) && !tt.hosts(t, s)) {
                        String there = ix.teams.get(tt.opponent(t, s)).venueId();
                        metres += legMetres(table, homeVenue, there) + legMetres(table, there, homeVenue);
                    }
                }
                return metres / 1000.0;
            }
            String where = homeVenue;
            for (int s = 0; s < slotCount; s++) {
                if (!tt.plays(t, s)) {
                    continue;
                }
                String next = tt.hosts(t, s) ? homeVenue : ix.teams.get(tt.opponent(t, s)).venueId();
                metres += legMetres(table, where, next);
                where = next;
            }
            metres += legMetres(table, where, homeVenue);
            return metres / 1000.0;
        }

        static long legMetres(Season.DistanceTable table, String from, String to) {
            return Math.round(table.km(from, to) * 1000.0);
        }

        boolean hasGeography() {
            boolean any = !season.distances().isEmpty()
                    || season.venues().stream().anyMatch(v -> v.latitude() != null && v.longitude() != null);
            return any && ix.teams.stream().allMatch(t -> t.venueId() != null);
        }
    }
}
