package io.flextime.rules.drift;

import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import io.flextime.rules.evaluator.Assignment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small random seasons and random double round robins on them, for the drift tests. Teams t0..t(n-1)
 * at venues v0..v(n-1) (t1 shares t0's arena when asked), no geography, objective = penalties only.
 */
final class RandomSeasons {
    /** What the seasons look like: teams, compact or with byes (extra slots), dated or not, a shared arena. */
    record Shape(int n, boolean compact, int extraSlots, boolean dated, boolean sharedArena) {
        static Shape compact(int n) {
            return new Shape(n, true, 0, false, false);
        }

        static Shape relaxed(int n, int extraSlots, boolean dated) {
            return new Shape(n, false, extraSlots, dated, false);
        }

        Shape withSharedArena() {
            return new Shape(n, compact, extraSlots, dated, true);
        }

        int slots() {
            return 2 * (n - 1) + extraSlots;
        }
    }

    static final ObjectiveWeights PENALTIES_ONLY = new ObjectiveWeights(0.0, 1.0);

    private RandomSeasons() {
    }

    /** The season's calendar: slots 0..S-1, on dates 1–3 days apart from Monday 2026-01-05 when dated. */
    static Season season(SplittableRandom random, Shape shape, List<SeasonConstraint> constraints) {
        List<Team> teams = new ArrayList<>();
        List<Venue> venues = new ArrayList<>();
        for (int i = 0; i < shape.n(); i++) {
            String venue = shape.sharedArena() && i == 1 ? "v0" : "v" + i;
            teams.add(new Team("t" + i, "Team " + i, venue, null, Map.of()));
            venues.add(new Venue("v" + i, "Venue " + i, null, null, null, null, null));
        }
        List<Slot> slots = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 1, 5);
        for (int s = 0; s < shape.slots(); s++) {
            slots.add(new Slot(s, shape.dated() ? day : null, null, null, "S" + s));
            day = day.plusDays(1 + random.nextInt(3));
        }
        SeasonFormat format = new SeasonFormat(SeasonFormat.RoundRobin.DOUBLE, shape.compact(), false, false, null, null, null,
                SeasonFormat.TravelMode.VENUE_TO_VENUE);
        return new Season("drift", "drift", null, null, null, null, format, PENALTIES_ONLY, false, teams, venues, slots,
                constraints, List.of(), List.of());
    }

    /** The same season with other constraints. */
    static Season with(Season s, List<SeasonConstraint> constraints) {
        return new Season(s.season(), s.name(), s.sport(), s.start(), s.end(), s.timeZone(), s.format(), s.weights(),
                s.autoSolve(), s.teams(), s.venues(), s.slots(), constraints, s.matchups(), s.distances());
    }

    /**
     * A random double round robin of the season: the circle method's rounds with the teams relabelled,
     * each pair's two venues swapped or not, the rounds in random order; with byes, the rounds spread
     * over random slots and some games moved to another slot both teams have free.
     */
    static List<Assignment> schedule(SplittableRandom random, Season season) {
        SeasonIndex ix = new SeasonIndex(season);
        int n = ix.n;
        int half = n - 1;
        int[] label = shuffled(random, n);
        boolean[][] swapVenues = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                swapVenues[i][j] = random.nextBoolean();
            }
        }
        List<List<int[]>> rounds = new ArrayList<>();
        for (int r = 0; r < 2 * half; r++) {
            rounds.add(new ArrayList<>());
        }
        for (int r = 0; r < half; r++) {
            for (int k = 0; k < n / 2; k++) {
                int a = k == 0 ? n - 1 : (r + k) % half;
                int b = k == 0 ? r % half : (r + half - k) % half;
                int h = label[a];
                int w = label[b];
                if (swapVenues[Math.min(h, w)][Math.max(h, w)]) {
                    int x = h;
                    h = w;
                    w = x;
                }
                rounds.get(r).add(new int[] {h, w});
                rounds.get(r + half).add(new int[] {w, h});
            }
        }
        Collections.shuffle(rounds, new java.util.Random(random.nextLong()));
        int slots = ix.slotCount;
        int[] slotOfRound = new int[rounds.size()];
        List<Integer> chosen = new ArrayList<>();
        for (int s : shuffled(random, slots)) {
            if (chosen.size() < rounds.size()) {
                chosen.add(s);
            }
        }
        Collections.sort(chosen);
        for (int r = 0; r < rounds.size(); r++) {
            slotOfRound[r] = chosen.get(r);
        }
        int[][] slotOf = new int[rounds.size()][];
        int[][] busy = new int[n][slots];
        List<int[]> games = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            for (int[] g : rounds.get(r)) {
                games.add(new int[] {g[0], g[1], slotOfRound[r]});
                busy[g[0]][slotOfRound[r]] = 1;
                busy[g[1]][slotOfRound[r]] = 1;
            }
        }
        if (slots > rounds.size()) {
            for (int move = 0; move < games.size() / 2; move++) {
                int[] g = games.get(random.nextInt(games.size()));
                int to = random.nextInt(slots);
                if (busy[g[0]][to] == 0 && busy[g[1]][to] == 0) {
                    busy[g[0]][g[2]] = 0;
                    busy[g[1]][g[2]] = 0;
                    g[2] = to;
                    busy[g[0]][to] = 1;
                    busy[g[1]][to] = 1;
                }
            }
        }
        List<Assignment> out = new ArrayList<>();
        for (int[] g : games) {
            out.add(new Assignment(ix.slotIndex(g[2]), ix.teamId(g[0]), ix.teamId(g[1])));
        }
        return out;
    }

    static int[] shuffled(SplittableRandom random, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = p[i];
            p[i] = p[j];
            p[j] = x;
        }
        return p;
    }

    // ---- pieces of random rules ----

    /** Team ids: empty (every team) one time in four, else a random non-empty subset. */
    static List<String> teams(SplittableRandom random, Season s) {
        if (random.nextInt(4) == 0) {
            return List.of();
        }
        return subset(random, s.teams().stream().map(Team::id).toList(), 1);
    }

    /** At least {@code least} of the items, in their order. */
    static <T> List<T> subset(SplittableRandom random, List<T> items, int least) {
        List<T> out = new ArrayList<>();
        while (out.size() < least) {
            out.clear();
            for (T t : items) {
                if (random.nextBoolean()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Slot indexes: empty (every slot) one time in four, else a random non-empty subset. */
    static List<Integer> slots(SplittableRandom random, Season s) {
        if (random.nextInt(4) == 0) {
            return List.of();
        }
        return subset(random, s.slots().stream().map(Slot::index).toList(), 1);
    }

    static String team(SplittableRandom random, Season s) {
        return s.teams().get(random.nextInt(s.teams().size())).id();
    }

    static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
