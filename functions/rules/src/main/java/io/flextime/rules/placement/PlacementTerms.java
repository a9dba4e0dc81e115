package io.flextime.rules.placement;

import static io.flextime.rules.cost.Term.indexes;
import static io.flextime.rules.cost.Term.mask;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Ga1;
import io.flextime.core.rules.Meeting;
import io.flextime.rules.cost.HomeGamesInSlots;
import io.flextime.rules.cost.Term;

/** GA1's cost term: the listed meetings' home games in the slots, counted from the home team's row. */
final class PlacementTerms {
    private PlacementTerms() {
    }

    static Term ga1(SeasonIndex ix, SeasonConstraint c, Ga1 r, double unit) {
        int[][] counted = new int[ix.n][ix.n];
        boolean[] rows = new boolean[ix.n];
        for (Meeting m : r.meetings()) {
            int h = ix.team(m.home(), c.id());
            int a = ix.team(m.away(), c.id());
            counted[h][a]++;
            rows[h] = true;
        }
        return new HomeGamesInSlots(c.hard(), unit, indexes(rows), mask(ix.slotCount, ix.slots(r.slots(), c.id())), counted,
                r.min(), r.max(), ix.n);
    }
}
