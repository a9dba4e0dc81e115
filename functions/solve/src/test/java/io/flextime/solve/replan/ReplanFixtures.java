package io.flextime.solve.replan;

import io.flextime.core.model.Distance;
import io.flextime.core.model.Game;
import io.flextime.core.model.ObjectiveWeights;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.solve.TinySeasons;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A small dated season for re-plans: 4 teams, 9 slots three days apart, a double round robin on slots 0–5. */
public final class ReplanFixtures {
    public static final LocalDate FIRST = LocalDate.of(2026, 1, 3);
    public static final int SLOTS = 9;

    private ReplanFixtures() {
    }

    public static LocalDate date(int slot) {
        return FIRST.plusDays(3L * slot);
    }

    public static Season season() {
        List<Distance> distances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (i != j) {
                    distances.add(new Distance("v" + i, "v" + j, 10.0 + i + j));
                }
            }
        }
        return new Season("replan", "replan", "test", null, null, null,
                new SeasonFormat(SeasonFormat.RoundRobin.DOUBLE, false, false, false, null, null, null,
                        SeasonFormat.TravelMode.VENUE_TO_VENUE),
                ObjectiveWeights.DEFAULT, false, TinySeasons.teams(4), TinySeasons.venues(4), TinySeasons.slots(SLOTS, FIRST, 3),
                List.of(), List.of(), distances);
    }

    /** A double round robin on slots 0–5: t0-t1 t2-t3 | t0-t2 t1-t3 | t0-t3 t1-t2, then the same reversed. */
    public static List<Game> base(Season season) {
        int[][][] rounds = {{{0, 1}, {2, 3}}, {{0, 2}, {1, 3}}, {{0, 3}, {1, 2}}};
        List<Game> games = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            for (int[] pair : rounds[s % 3]) {
                int home = s < 3 ? pair[0] : pair[1];
                int away = s < 3 ? pair[1] : pair[0];
                Slot slot = season.slots().get(s);
                games.add(new Game(games.size() + 1, s, slot.date(), "t" + home, "t" + away, "v" + home));
            }
        }
        return games;
    }

    /** Slots 0 and 1 are played in the fixtures' re-plans (frozenBefore = the date of slot 2). */
    public static final int FROZEN = 2;

    /**
     * Fewest base games (frozen, pinned and the postponed one apart) off their slot, over every schedule where no
     * team plays twice on a date, nothing new is before the frozen date, t0 keeps away from its closed dates and
     * the postponed game's teams from its old date.
     */
    public static int fewestMoves(List<Game> base, Set<Integer> pinned, int postponed) {
        List<Game> free = new ArrayList<>();
        boolean[][] busy = new boolean[4][SLOTS];
        for (Game g : base) {
            if (g.slotIndex() < FROZEN || pinned.contains(g.number())) {
                busy[team(g.homeTeam())][g.slotIndex()] = true;
                busy[team(g.awayTeam())][g.slotIndex()] = true;
            } else {
                free.add(g);
            }
            if (g.number() == postponed) {
                // the postponement's date is closed to both its teams (README "Re-plan")
                busy[team(g.homeTeam())][g.slotIndex()] = true;
                busy[team(g.awayTeam())][g.slotIndex()] = true;
            }
        }
        for (int s = 3; s <= 5; s++) {
            busy[0][s] = true; // t0 unavailable
        }
        int[] best = {Integer.MAX_VALUE};
        search(free, 0, busy, 0, postponed, best);
        return best[0];
    }

    private static void search(List<Game> games, int i, boolean[][] busy, int moves, int postponed, int[] best) {
        if (moves >= best[0]) {
            return;
        }
        if (i == games.size()) {
            best[0] = moves;
            return;
        }
        Game g = games.get(i);
        int h = team(g.homeTeam());
        int a = team(g.awayTeam());
        for (int s = FROZEN; s < SLOTS; s++) {
            boolean postponedHere = g.number() == postponed && s == g.slotIndex();
            if (busy[h][s] || busy[a][s] || postponedHere) {
                continue;
            }
            busy[h][s] = true;
            busy[a][s] = true;
            search(games, i + 1, busy, moves + (g.number() != postponed && s != g.slotIndex() ? 1 : 0), postponed, best);
            busy[h][s] = false;
            busy[a][s] = false;
        }
    }

    public static int gameAt(List<Game> base, int slot, String team) {
        return base.stream().filter(g -> g.slotIndex() == slot && (g.homeTeam().equals(team) || g.awayTeam().equals(team)))
                .findFirst().orElseThrow().number();
    }

    private static int team(String id) {
        return Integer.parseInt(id.substring(1));
    }

}
