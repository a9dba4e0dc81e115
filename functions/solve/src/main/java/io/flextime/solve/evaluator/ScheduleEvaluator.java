package io.flextime.solve.evaluator;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.Matchup;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.solve.engine.Assignment;
import io.flextime.core.model.ConstraintParams;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes feasibility and objective of a schedule from the season alone, walking each team's
 * sequence of games — deliberately not sharing the model's formulation (it shares only the reading of
 * raw parameter lists), so a modelling bug shows up as a mismatch instead of being repeated.
 * Definitions are those of the README's constraint table.
 */
public final class ScheduleEvaluator {

    public Evaluation evaluate(Season season, List<Assignment> games, ObjectiveWeights weights) {
        return new Run(season, games, weights == null ? season.weights() : weights).evaluate();
    }

    private static final class Run {
        final Season season;
        final List<Assignment> games;
        final ObjectiveWeights weights;
        final List<Team> teams;
        final List<Slot> slots;
        final Map<String, Integer> teamPos = new HashMap<>();
        final Map<Integer, Integer> slotPos = new HashMap<>();
        final int n;
        final int slotCount;
        /** opponent[t][s] or -1 for a bye; home[t][s] true when t hosts. */
        final int[][] opponent;
        final boolean[][] home;
        final List<String> structure = new ArrayList<>();
        final Map<String, Integer> hard = new LinkedHashMap<>();
        final Map<String, Double> soft = new LinkedHashMap<>();

        Run(Season season, List<Assignment> games, ObjectiveWeights weights) {
            this.season = season;
            this.games = games;
            this.weights = weights;
            this.teams = season.teams();
            this.slots = new ArrayList<>(season.slots());
            this.slots.sort(Comparator.comparingInt(Slot::index));
            this.n = teams.size();
            this.slotCount = slots.size();
            for (int t = 0; t < n; t++) {
                teamPos.put(teams.get(t).id(), t);
            }
            for (int s = 0; s < slotCount; s++) {
                slotPos.put(slots.get(s).index(), s);
            }
            opponent = new int[n][slotCount];
            home = new boolean[n][slotCount];
            for (int[] row : opponent) {
                java.util.Arrays.fill(row, -1);
            }
        }

        Evaluation evaluate() {
            place();
            checkFormat();
            for (SeasonConstraint c : season.constraints()) {
                int deviation = deviation(c);
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
                travel.put(teams.get(t).id(), teamKm);
                km += teamKm;
                breaks.put(teams.get(t).id(), breaks(t, allSlots(), "HA"));
            }
            double penalty = soft.values().stream().mapToDouble(Double::doubleValue).sum();
            double objective = weights.travel() * km + weights.penalty() * penalty;
            return new Evaluation(List.copyOf(structure), hard, soft, travel, breaks, km, penalty, objective);
        }

        void place() {
            for (Assignment g : games) {
                Integer h = teamPos.get(g.home());
                Integer a = teamPos.get(g.away());
                Integer s = slotPos.get(g.slot());
                if (h == null || a == null || s == null || h.equals(a)) {
                    structure.add("invalid game " + g);
                    continue;
                }
                if (opponent[h][s] >= 0 || opponent[a][s] >= 0) {
                    structure.add("a team plays twice in slot " + g.slot() + ": " + g);
                    continue;
                }
                opponent[h][s] = a;
                opponent[a][s] = h;
                home[h][s] = true;
            }
        }

        void checkFormat() {
            SeasonFormat f = season.format();
            int[][] met = new int[n][n];
            for (int t = 0; t < n; t++) {
                for (int s = 0; s < slotCount; s++) {
                    if (opponent[t][s] < 0) {
                        if (f.compact()) {
                            structure.add("team " + teams.get(t).id() + " has no game in compact slot " + slots.get(s).index());
                        }
                    } else if (home[t][s]) {
                        met[t][opponent[t][s]]++;
                    }
                }
            }
            if (!season.matchups().isEmpty()) {
                int[][] wanted = new int[n][n];
                for (Matchup mu : season.matchups()) {
                    wanted[teamPos.get(mu.home())][teamPos.get(mu.away())] += mu.meetings();
                }
                forPairs((h, a) -> {
                    if (met[h][a] != wanted[h][a]) {
                        structure.add(teams.get(h).id() + " hosts " + teams.get(a).id() + " " + met[h][a] + "×, matchups say " + wanted[h][a]);
                    }
                });
            } else {
                switch (f.roundRobin()) {
                    case DOUBLE -> forPairs((h, a) -> {
                        if (met[h][a] != 1) {
                            structure.add(teams.get(h).id() + " hosts " + teams.get(a).id() + " " + met[h][a] + "× (double round robin: once)");
                        }
                    });
                    case SINGLE -> forPairs((h, a) -> {
                        if (h < a && met[h][a] + met[a][h] != 1) {
                            structure.add(teams.get(h).id() + " and " + teams.get(a).id() + " meet " + (met[h][a] + met[a][h]) + "× (single round robin: once)");
                        }
                    });
                    case PARTIAL -> checkPartial(f, met);
                    case MATCHUPS -> structure.add("roundRobin MATCHUPS but the season lists no matchups");
                }
            }
            if (f.phased()) {
                int half = slotCount / 2;
                for (int team = 0; team < n; team++) {
                    final int t = team;
                    Map<Integer, Integer> firstHalf = new HashMap<>();
                    Map<Integer, Integer> secondHalf = new HashMap<>();
                    for (int s = 0; s < slotCount; s++) {
                        if (opponent[t][s] >= 0) {
                            (s < half ? firstHalf : secondHalf).merge(opponent[t][s], 1, Integer::sum);
                        }
                    }
                    firstHalf.forEach((o, k) -> {
                        if (k > 1) {
                            structure.add(teams.get(t).id() + " meets " + teams.get(o).id() + " " + k + "× in the first half (phased)");
                        }
                    });
                    secondHalf.forEach((o, k) -> {
                        if (k > 1) {
                            structure.add(teams.get(t).id() + " meets " + teams.get(o).id() + " " + k + "× in the second half (phased)");
                        }
                    });
                }
            }
            if (f.mirrored()) {
                int half = slotCount / 2;
                for (int t = 0; t < n; t++) {
                    for (int s = 0; s < half; s++) {
                        if (opponent[t][s] != opponent[t][s + half] || (opponent[t][s] >= 0 && home[t][s] == home[t][s + half])) {
                            structure.add(teams.get(t).id() + ": slot " + slots.get(s + half).index() + " does not mirror slot " + slots.get(s).index());
                        }
                    }
                }
            }
            if (f.minRestDays() != null && f.minRestDays() > 0) {
                for (int t = 0; t < n; t++) {
                    int close = closeGames(t, f.minRestDays(), false);
                    if (close > 0) {
                        structure.add(teams.get(t).id() + " has " + close + " pairs of games less than " + f.minRestDays() + " days apart");
                    }
                }
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
                        structure.add(teams.get(t).id() + " hosts " + teams.get(o).id() + " " + met[t][o] + "× (partial: at most once)");
                    }
                    played += met[t][o] + met[o][t];
                    hosted += met[t][o];
                    if (met[t][o] > 0 && met[o][t] > 0) {
                        twice++;
                    }
                    int minMeet = f.gamesPerTeam() != null && f.gamesPerTeam() >= n - 1 + (f.twiceOpponents() == null ? 0 : f.twiceOpponents()) ? 1 : 0;
                    if (met[t][o] + met[o][t] < minMeet) {
                        structure.add(teams.get(t).id() + " never meets " + teams.get(o).id());
                    }
                }
                if (f.gamesPerTeam() != null && played != f.gamesPerTeam()) {
                    structure.add(teams.get(t).id() + " plays " + played + " games, format says " + f.gamesPerTeam());
                }
                if (Math.abs(2 * hosted - played) > 1) {
                    structure.add(teams.get(t).id() + " hosts " + hosted + " of " + played + " games (home/away must differ by at most one)");
                }
                if (f.twiceOpponents() != null && twice != f.twiceOpponents()) {
                    structure.add(teams.get(t).id() + " meets " + twice + " opponents twice, format says " + f.twiceOpponents());
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

        int deviation(SeasonConstraint c) {
            ConstraintParams p = new ConstraintParams(c);
            ConstraintType type = c.type();
            return switch (type) {
                case CA1 -> ca1(p);
                case CA2 -> ca2(p);
                case CA3 -> ca3(p);
                case CA4 -> ca4(p);
                case GA1 -> ga1(p);
                case BR1 -> br1(p);
                case BR2 -> br2(p);
                case FA2 -> fa2(p);
                case SE1 -> se1(p);
                case VENUE_UNAVAILABLE -> venueUnavailable(p);
                case TEAM_UNAVAILABLE -> teamUnavailable(p);
                case FIXED_GAME -> fixedGame(p);
                case SHARED_VENUE -> sharedVenue(p);
                case MIN_REST_DAYS -> minRestDays(p);
                case MAX_ROAD_TRIP -> maxRoadTrip(p);
            };
        }

        // ---- RobinX classes, OrganizationITC2021_V7 §2.4 ----

        int ca1(ConstraintParams p) {
            String mode = p.text(p.has("mode") ? "mode" : "mode1", "H");
            int dev = 0;
            for (int t : teamList(p.strings("teams"))) {
                int count = 0;
                for (int s : slotList(p.integers("slots"))) {
                    count += plays(t, s, mode) ? 1 : 0;
                }
                dev += outside(count, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE));
            }
            return dev;
        }

        int ca2(ConstraintParams p) {
            String mode = p.text("mode1", "HA");
            Set<Integer> against = new HashSet<>(teamList(p.strings("teams2")));
            int dev = 0;
            for (int t : teamList(p.strings("teams1"))) {
                int count = 0;
                for (int s : slotList(p.integers("slots"))) {
                    count += playsAgainst(t, s, mode, against) ? 1 : 0;
                }
                dev += outside(count, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE));
            }
            return dev;
        }

        int ca3(ConstraintParams p) {
            String mode = p.text("mode1", "HA");
            int window = p.integer("intp");
            Set<Integer> against = new HashSet<>(teamList(p.strings("teams2")));
            int dev = 0;
            for (int t : teamList(p.strings("teams1"))) {
                for (int start = 0; start + window <= slotCount; start++) {
                    int count = 0;
                    for (int s = start; s < start + window; s++) {
                        count += playsAgainst(t, s, mode, against) ? 1 : 0;
                    }
                    dev += outside(count, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE));
                }
            }
            return dev;
        }

        int ca4(ConstraintParams p) {
            String mode = p.text("mode1", "HA");
            boolean every = "EVERY".equals(p.text("mode2", "GLOBAL"));
            Set<Integer> t1 = new HashSet<>(teamList(p.strings("teams1")));
            Set<Integer> t2 = new HashSet<>(teamList(p.strings("teams2")));
            int min = p.integer("min", 0);
            int max = p.integer("max", Integer.MAX_VALUE);
            int total = 0;
            int dev = 0;
            for (int s : slotList(p.integers("slots"))) {
                int count = 0;
                for (int h = 0; h < n; h++) {
                    if (opponent[h][s] < 0 || !home[h][s]) {
                        continue;
                    }
                    int a = opponent[h][s];
                    boolean counted = switch (mode) {
                        case "H" -> t1.contains(h) && t2.contains(a);
                        case "A" -> t1.contains(a) && t2.contains(h);
                        default -> (t1.contains(h) && t2.contains(a)) || (t1.contains(a) && t2.contains(h));
                    };
                    count += counted ? 1 : 0;
                }
                if (every) {
                    dev += outside(count, min, max);
                }
                total += count;
            }
            return every ? dev : outside(total, min, max);
        }

        int ga1(ConstraintParams p) {
            Set<Integer> inSlots = new HashSet<>(slotList(p.integers("slots")));
            int count = 0;
            for (String[] m : p.meetings("meetings")) {
                int h = teamPos.get(m[0]);
                int a = teamPos.get(m[1]);
                for (int s : inSlots) {
                    if (opponent[h][s] == a && home[h][s]) {
                        count++;
                    }
                }
            }
            return outside(count, p.integer("min", 0), p.integer("max", Integer.MAX_VALUE));
        }

        int br1(ConstraintParams p) {
            String mode = p.text(p.has("mode2") ? "mode2" : "mode", "HA");
            int dev = 0;
            for (int t : teamList(p.strings("teams"))) {
                dev += Math.max(0, breaks(t, slotList(p.integers("slots")), mode) - p.integer("intp"));
            }
            return dev;
        }

        int br2(ConstraintParams p) {
            int total = 0;
            for (int t : teamList(p.strings("teams"))) {
                total += breaks(t, slotList(p.integers("slots")), "HA");
            }
            return Math.max(0, total - p.integer("intp"));
        }

        int fa2(ConstraintParams p) {
            List<Integer> ts = teamList(p.strings("teams"));
            Set<Integer> checked = new HashSet<>(slotList(p.integers("slots")));
            int intp = p.integer("intp");
            int dev = 0;
            for (int i = 0; i < ts.size(); i++) {
                for (int j = i + 1; j < ts.size(); j++) {
                    int hi = 0;
                    int hj = 0;
                    int worst = 0;
                    for (int s = 0; s < slotCount; s++) {
                        hi += opponent[ts.get(i)][s] >= 0 && home[ts.get(i)][s] ? 1 : 0;
                        hj += opponent[ts.get(j)][s] >= 0 && home[ts.get(j)][s] ? 1 : 0;
                        if (checked.contains(s)) {
                            worst = Math.max(worst, Math.abs(hi - hj) - intp);
                        }
                    }
                    dev += worst;
                }
            }
            return dev;
        }

        int se1(ConstraintParams p) {
            List<Integer> ts = teamList(p.strings("teams"));
            int min = p.integer("min");
            int dev = 0;
            for (int i = 0; i < ts.size(); i++) {
                for (int j = i + 1; j < ts.size(); j++) {
                    int previous = -1;
                    for (int s = 0; s < slotCount; s++) {
                        if (opponent[ts.get(i)][s] == ts.get(j)) {
                            if (previous >= 0) {
                                dev += Math.max(0, min - (s - previous - 1));
                            }
                            previous = s;
                        }
                    }
                }
            }
            return dev;
        }

        // ---- FlexTime extensions ----

        List<Integer> covered(ConstraintParams p) {
            Set<Integer> indexes = new HashSet<>(p.integers("slots"));
            Set<LocalDate> dates = new HashSet<>(p.dates("dates"));
            Set<DayOfWeek> weekdays = new HashSet<>(p.weekdays("weekdays"));
            List<Integer> out = new ArrayList<>();
            for (int s = 0; s < slotCount; s++) {
                LocalDate d = slots.get(s).date();
                boolean all = indexes.isEmpty() && dates.isEmpty() && weekdays.isEmpty();
                if (all || indexes.contains(slots.get(s).index())
                        || (d != null && (dates.contains(d) || weekdays.contains(d.getDayOfWeek())))) {
                    out.add(s);
                }
            }
            return out;
        }

        int venueUnavailable(ConstraintParams p) {
            String venue = p.strings("venue").get(0);
            int count = 0;
            for (int s : covered(p)) {
                for (int t = 0; t < n; t++) {
                    if (venue.equals(teams.get(t).venueId()) && opponent[t][s] >= 0 && home[t][s]) {
                        count++;
                    }
                }
            }
            return count;
        }

        int teamUnavailable(ConstraintParams p) {
            int t = teamPos.get(p.strings("team").get(0));
            String mode = p.text("mode", "HA");
            int count = 0;
            for (int s : covered(p)) {
                count += plays(t, s, mode) ? 1 : 0;
            }
            return count;
        }

        int fixedGame(ConstraintParams p) {
            int h = teamPos.get(p.strings("home").get(0));
            int a = teamPos.get(p.strings("away").get(0));
            for (int s = 0; s < slotCount; s++) {
                boolean wanted = p.has("slot") ? slots.get(s).index() == p.integer("slot")
                        : LocalDate.parse(p.strings("date").get(0)).equals(slots.get(s).date());
                if (wanted && opponent[h][s] == a && home[h][s]) {
                    return 0;
                }
            }
            return 1;
        }

        int sharedVenue(ConstraintParams p) {
            Set<Integer> sharing = new HashSet<>();
            if (p.has("teams")) {
                sharing.addAll(teamList(p.strings("teams")));
            } else {
                String venue = p.strings("venue").get(0);
                for (int t = 0; t < n; t++) {
                    if (venue.equals(teams.get(t).venueId())) {
                        sharing.add(t);
                    }
                }
            }
            Map<Object, Integer> homeGamesPerDay = new LinkedHashMap<>();
            for (int s = 0; s < slotCount; s++) {
                Object day = slots.get(s).date() != null ? slots.get(s).date() : (Object) ("slot" + s);
                homeGamesPerDay.putIfAbsent(day, 0);
                for (int t : sharing) {
                    if (opponent[t][s] >= 0 && home[t][s]) {
                        homeGamesPerDay.merge(day, 1, Integer::sum);
                    }
                }
            }
            return homeGamesPerDay.values().stream().mapToInt(k -> Math.max(0, k - 1)).sum();
        }

        int minRestDays(ConstraintParams p) {
            int dev = 0;
            for (int t : teamList(p.strings("teams"))) {
                dev += closeGames(t, p.integer("days"), true);
            }
            return dev;
        }

        int maxRoadTrip(ConstraintParams p) {
            int max = p.integer("max");
            int dev = 0;
            for (int t : teamList(p.strings("teams"))) {
                int trip = 0;
                for (int s = 0; s < slotCount; s++) {
                    if (opponent[t][s] < 0) {
                        continue;
                    }
                    trip = home[t][s] ? 0 : trip + 1;
                    if (trip > max) {
                        dev++;
                    }
                }
            }
            return dev;
        }

        // ---- team sequences ----

        /**
         * Pairs of a team's games closer than {@code days} by date; undated slots count by slot distance
         * for the MIN_REST_DAYS constraint and not at all for the format's rest days.
         */
        int closeGames(int t, int days, boolean undatedBySlot) {
            int count = 0;
            for (int s = 0; s < slotCount; s++) {
                for (int u = s + 1; u < slotCount; u++) {
                    if (opponent[t][s] < 0 || opponent[t][u] < 0) {
                        continue;
                    }
                    LocalDate a = slots.get(s).date();
                    LocalDate b = slots.get(u).date();
                    if ((a == null || b == null) && !undatedBySlot) {
                        continue;
                    }
                    long apart = a != null && b != null ? Math.abs(ChronoUnit.DAYS.between(a, b)) : u - s;
                    if (apart < days) {
                        count++;
                    }
                }
            }
            return count;
        }

        boolean plays(int t, int s, String mode) {
            if (opponent[t][s] < 0) {
                return false;
            }
            return switch (mode) {
                case "H" -> home[t][s];
                case "A" -> !home[t][s];
                default -> true;
            };
        }

        boolean playsAgainst(int t, int s, String mode, Set<Integer> against) {
            return plays(t, s, mode) && against.contains(opponent[t][s]);
        }

        /** Breaks of team t in the given slots: same home/away status as in the slot before. */
        int breaks(int t, List<Integer> in, String mode) {
            int count = 0;
            for (int s : in) {
                if (s == 0 || opponent[t][s] < 0 || opponent[t][s - 1] < 0 || home[t][s] != home[t][s - 1]) {
                    continue;
                }
                if ("HA".equals(mode) || ("H".equals(mode) == home[t][s])) {
                    count++;
                }
            }
            return count;
        }

        double travelKm(int t) {
            if (!hasGeography()) {
                return 0;
            }
            Season.DistanceTable table = season.distanceTable();
            String homeVenue = teams.get(t).venueId();
            long metres = 0;
            if (season.format().travel() == SeasonFormat.TravelMode.RETURN_HOME) {
                for (int s = 0; s < slotCount; s++) {
                    if (opponent[t][s] >= 0 && !home[t][s]) {
                        String there = teams.get(opponent[t][s]).venueId();
                        metres += legMetres(table, homeVenue, there) + legMetres(table, there, homeVenue);
                    }
                }
                return metres / 1000.0;
            }
            String where = homeVenue;
            for (int s = 0; s < slotCount; s++) {
                if (opponent[t][s] < 0) {
                    continue;
                }
                String next = home[t][s] ? homeVenue : teams.get(opponent[t][s]).venueId();
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
            return any && teams.stream().allMatch(t -> t.venueId() != null);
        }

        // ---- resolution ----

        List<Integer> teamList(List<String> ids) {
            if (ids.isEmpty()) {
                List<Integer> all = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    all.add(t);
                }
                return all;
            }
            return ids.stream().map(id -> {
                Integer t = teamPos.get(id);
                if (t == null) {
                    throw new IllegalArgumentException("unknown team '" + id + "'");
                }
                return t;
            }).distinct().toList();
        }

        List<Integer> slotList(List<Integer> indexes) {
            if (indexes.isEmpty()) {
                return allSlots();
            }
            return indexes.stream().map(i -> {
                Integer s = slotPos.get(i);
                if (s == null) {
                    throw new IllegalArgumentException("unknown slot " + i);
                }
                return s;
            }).distinct().sorted().toList();
        }

        List<Integer> allSlots() {
            List<Integer> all = new ArrayList<>();
            for (int s = 0; s < slotCount; s++) {
                all.add(s);
            }
            return all;
        }

        static int outside(int count, int min, int max) {
            return Math.max(0, count - max) + Math.max(0, min - count);
        }
    }
}
