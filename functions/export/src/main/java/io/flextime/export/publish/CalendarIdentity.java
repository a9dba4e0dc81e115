package io.flextime.export.publish;

import io.flextime.core.model.Game;
import io.flextime.export.render.GameStatus;
import io.flextime.export.render.PublishedGame;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each game of a new schedule version its calendar identity, continuing the previously
 * published version. A game is "home hosts away for the n-th time" in a season: its UID derives from
 * (tenant, season, home, away, meeting), never from its slot, so it survives moves. RFC 5545 asks for
 * SEQUENCE to grow with every significant revision: it grows when a game changes date, slot or venue,
 * and when it is cancelled (a game that disappears) or reinstated.
 */
public final class CalendarIdentity {
    private CalendarIdentity() {
    }

    /** The games as published plus the changes against the previous publication. */
    public record Publication(List<PublishedGame> games, List<GameChange> changes) {
        public long count(String type) {
            return changes.stream().filter(c -> c.type().equals(type)).count();
        }
    }

    public static String uid(String tenant, String season, String home, String away, int meeting) {
        String name = String.join("\n", tenant, season, home, away, Integer.toString(meeting));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "@flextime.io";
    }

    public static Publication publish(String tenant, String season, List<Game> games, List<PublishedGame> previous) {
        Map<String, PublishedGame> before = new LinkedHashMap<>();
        previous.forEach(p -> before.put(p.uid(), p));
        List<PublishedGame> out = new ArrayList<>();
        List<GameChange> changes = new ArrayList<>();
        Map<String, Integer> meetings = new HashMap<>();
        List<Game> ordered = games.stream().sorted(Comparator.comparingInt(Game::slotIndex)
                .thenComparing(g -> g.date() == null ? LocalDate.MAX : g.date()).thenComparingInt(Game::number)).toList();
        for (Game g : ordered) {
            int meeting = meetings.merge(g.homeTeam() + '\u0000' + g.awayTeam(), 1, Integer::sum);
            String uid = uid(tenant, season, g.homeTeam(), g.awayTeam(), meeting);
            PublishedGame now = new PublishedGame(uid, 0, GameStatus.CONFIRMED, g.number(), g.slotIndex(), g.date(),
                    g.homeTeam(), g.awayTeam(), meeting, g.venueId());
            PublishedGame was = before.remove(uid);
            if (was == null) {
                changes.add(new GameChange(GameChange.ADDED, now, null));
            } else if (!was.confirmed()) {
                now = withSequence(now, was.sequence() + 1);
                changes.add(new GameChange(GameChange.ADDED, now, was));
            } else if (was.samePlacement(now)) {
                now = withSequence(now, was.sequence());
            } else {
                now = withSequence(now, was.sequence() + 1);
                changes.add(new GameChange(GameChange.MOVED, now, was));
            }
            out.add(now);
        }
        for (PublishedGame gone : before.values()) {
            if (gone.confirmed()) {
                PublishedGame cancelled = new PublishedGame(gone.uid(), gone.sequence() + 1, GameStatus.CANCELLED, null,
                        gone.slotIndex(), gone.date(), gone.homeTeam(), gone.awayTeam(), gone.meeting(), gone.venueId());
                out.add(cancelled);
                changes.add(new GameChange(GameChange.REMOVED, cancelled, gone));
            } else {
                out.add(gone);
            }
        }
        return new Publication(out, changes);
    }

    private static PublishedGame withSequence(PublishedGame g, int sequence) {
        return new PublishedGame(g.uid(), sequence, g.status(), g.number(), g.slotIndex(), g.date(), g.homeTeam(),
                g.awayTeam(), g.meeting(), g.venueId());
    }
}
