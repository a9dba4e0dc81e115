package io.flextime.export.analytics;

import io.flextime.core.model.Game;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Pairs the games of two versions and names what changed. Games have no identity across versions,
 * so the pairing prefers the smallest explanation, in passes: same home, away and placement
 * (unchanged); swapped home and away in the same placement (flipped); same home and away elsewhere
 * (moved); swapped elsewhere (flipped, with the previous placement). What is left was removed or added.
 * Within a pass, candidate games in time order take the earliest base game that fits.
 */
public final class GameChanges {
    private static final Comparator<Game> IN_TIME = Comparator.comparingInt(Game::slotIndex)
            .thenComparing(g -> g.date() == null ? LocalDate.MAX : g.date()).thenComparingInt(Game::number);

    private GameChanges() {
    }

    /** The changes, and how many games stayed exactly as they were. */
    public record Result(List<ChangedGame> changes, int unchanged) {
        public int count(String change) {
            return (int) changes.stream().filter(c -> c.change().equals(change)).count();
        }
    }

    public static Result between(List<Game> base, List<Game> candidate) {
        List<Game> left = new ArrayList<>(base.stream().sorted(IN_TIME).toList());
        List<Game> right = new ArrayList<>(candidate.stream().sorted(IN_TIME).toList());
        List<ChangedGame> changes = new ArrayList<>();
        int unchanged = pair(left, right, (b, c) -> samePair(b, c) && samePlacement(b, c), null, changes);
        pair(left, right, (b, c) -> swappedPair(b, c) && samePlacement(b, c), ChangedGame.FLIPPED, changes);
        pair(left, right, GameChanges::samePair, ChangedGame.MOVED, changes);
        pair(left, right, GameChanges::swappedPair, ChangedGame.FLIPPED, changes);
        left.forEach(g -> changes.add(new ChangedGame(ChangedGame.REMOVED, g.homeTeam(), g.awayTeam(), g.slotIndex(), g.date(),
                null, null)));
        right.forEach(g -> changes.add(new ChangedGame(ChangedGame.ADDED, g.homeTeam(), g.awayTeam(), g.slotIndex(), g.date(),
                null, null)));
        changes.sort(Comparator.comparing((ChangedGame c) -> c.slot() == null ? Integer.MAX_VALUE : c.slot())
                .thenComparing(ChangedGame::home).thenComparing(ChangedGame::away));
        return new Result(changes, unchanged);
    }

    /** Removes the pairs that {@code fits} from both lists; records them as {@code change} unless it is null. */
    private static int pair(List<Game> left, List<Game> right, BiPredicate<Game, Game> fits, String change,
            List<ChangedGame> changes) {
        int paired = 0;
        for (var it = right.iterator(); it.hasNext();) {
            Game c = it.next();
            Game b = left.stream().filter(x -> fits.test(x, c)).findFirst().orElse(null);
            if (b == null) {
                continue;
            }
            left.remove(b);
            it.remove();
            paired++;
            if (change != null) {
                changes.add(new ChangedGame(change, c.homeTeam(), c.awayTeam(), c.slotIndex(), c.date(), b.slotIndex(), b.date()));
            }
        }
        return paired;
    }

    private static boolean samePair(Game a, Game b) {
        return a.homeTeam().equals(b.homeTeam()) && a.awayTeam().equals(b.awayTeam());
    }

    private static boolean swappedPair(Game a, Game b) {
        return a.homeTeam().equals(b.awayTeam()) && a.awayTeam().equals(b.homeTeam());
    }

    private static boolean samePlacement(Game a, Game b) {
        return a.slotIndex() == b.slotIndex() && Objects.equals(a.date(), b.date());
    }
}
