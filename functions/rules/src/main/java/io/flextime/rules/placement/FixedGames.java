package io.flextime.rules.placement;

import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.FixedGame;
import java.util.stream.IntStream;

/** Where a fixed game may be: its slot, or every slot on its date (a date without a slot is an error). */
final class FixedGames {
    private FixedGames() {
    }

    static int[] slots(SeasonIndex ix, String constraintId, FixedGame r) {
        if (r.slot() != null) {
            return new int[] {ix.slot(r.slot(), constraintId)};
        }
        int[] on = IntStream.range(0, ix.slotCount).filter(s -> r.date().equals(ix.date(s))).toArray();
        if (on.length == 0) {
            throw new IllegalArgumentException("constraint " + constraintId + ": no slot on " + r.date());
        }
        return on;
    }
}
