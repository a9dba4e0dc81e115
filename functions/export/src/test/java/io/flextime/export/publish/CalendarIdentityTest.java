package io.flextime.export.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.flextime.core.model.Game;
import io.flextime.export.render.GameStatus;
import io.flextime.export.render.PublishedGame;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UIDs follow the pairing and meeting, not the slot; SEQUENCE counts moves, cancellations and reinstatements. */
class CalendarIdentityTest {
    static final LocalDate D = LocalDate.of(2026, 1, 3);

    @Test
    void uidDependsOnTenantSeasonPairAndMeetingOnly() {
        String a = CalendarIdentity.uid("big12", "s", "ku", "isu", 1);
        assertEquals(a, CalendarIdentity.uid("big12", "s", "ku", "isu", 1));
        assertNotEquals(a, CalendarIdentity.uid("big12", "s", "ku", "isu", 2));
        assertNotEquals(a, CalendarIdentity.uid("big12", "s", "isu", "ku", 1));
        assertNotEquals(a, CalendarIdentity.uid("sec", "s", "ku", "isu", 1));
    }

    @Test
    void movedGamesKeepTheirUidAndBumpSequenceRemovedOnesAreCancelledAndCarriedForward() {
        List<Game> v1 = List.of(new Game(1, 0, D, "a", "b", null), new Game(2, 1, D.plusDays(2), "a", "b", null),
                new Game(3, 1, D.plusDays(2), "c", "d", null));
        var p1 = CalendarIdentity.publish("t", "s", v1, List.of());
        assertEquals(3, p1.count(GameChange.ADDED));
        assertEquals(List.of(1, 2), p1.games().stream().filter(g -> g.homeTeam().equals("a")).map(PublishedGame::meeting).toList());

        List<Game> v2 = List.of(new Game(1, 0, D, "a", "b", null), new Game(2, 4, D.plusDays(8), "a", "b", null));
        var p2 = CalendarIdentity.publish("t", "s", v2, p1.games());
        assertEquals(1, p2.count(GameChange.MOVED));
        assertEquals(1, p2.count(GameChange.REMOVED));
        PublishedGame moved = p2.games().stream().filter(g -> g.slotIndex() == 4).findFirst().orElseThrow();
        assertEquals(CalendarIdentity.uid("t", "s", "a", "b", 2), moved.uid());
        assertEquals(1, moved.sequence());
        PublishedGame cancelled = p2.games().stream().filter(g -> g.homeTeam().equals("c")).findFirst().orElseThrow();
        assertEquals(GameStatus.CANCELLED, cancelled.status());
        assertEquals(1, cancelled.sequence());

        var p3 = CalendarIdentity.publish("t", "s", v2, p2.games());
        assertEquals(0, p3.changes().size(), "nothing changed");
        assertEquals(1, p3.games().stream().filter(g -> g.homeTeam().equals("c")).findFirst().orElseThrow().sequence(),
                "a cancelled game stays cancelled with the same SEQUENCE");

        var p4 = CalendarIdentity.publish("t", "s", v1, p3.games());
        PublishedGame back = p4.games().stream().filter(g -> g.homeTeam().equals("c")).findFirst().orElseThrow();
        assertEquals(GameStatus.CONFIRMED, back.status());
        assertEquals(2, back.sequence(), "a reinstated game is a new revision");
    }
}
