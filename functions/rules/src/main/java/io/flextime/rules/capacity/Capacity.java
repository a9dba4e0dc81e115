package io.flextime.rules.capacity;

import io.flextime.core.model.SeasonIndex;
import io.flextime.core.rules.Ca1;
import io.flextime.core.rules.Ca2;
import io.flextime.core.rules.Ca3;
import io.flextime.core.rules.Ca4;
import io.flextime.core.rules.Mode;
import io.flextime.rules.RuleLogic;

/** The capacity family: RobinX CA1–CA4, how many games a team (or a group) plays in some slots. */
public final class Capacity {
    public static final RuleLogic<Ca1> CA1 = RuleLogic.of(CapacityRows::ca1, CapacityCheck::ca1)
            .scoredBy(CapacityTerms::ca1).reversibleWhen(r -> r.slots().isEmpty());
    public static final RuleLogic<Ca2> CA2 = RuleLogic.of(CapacityRows::ca2, CapacityCheck::ca2)
            .scoredBy(CapacityTerms::ca2).reversibleWhen(r -> r.slots().isEmpty());
    public static final RuleLogic<Ca3> CA3 = RuleLogic.of(CapacityRows::ca3, CapacityCheck::ca3)
            .scoredBy(CapacityTerms::ca3).reversibleWhen(r -> true).tripLimit(Capacity::tripLimit);
    public static final RuleLogic<Ca4> CA4 = RuleLogic.of(CapacityRows::ca4, CapacityCheck::ca4)
            .scoredBy(CapacityTerms::ca4)
            .reversibleWhen(r -> r.slots().isEmpty() && r.spread() == Ca4.Spread.GLOBAL);

    private Capacity() {
    }

    /**
     * In a compact season a team plays every slot, so "at most intp−1 away games against everyone in
     * any intp slots" (the TTP rule) caps a road trip at intp−1.
     */
    private static int tripLimit(SeasonIndex ix, Ca3 r, int t) {
        if (!ix.season.format().compact() || r.mode() != Mode.A || r.max() != r.intp() - 1
                || !covers(ix.teams(r.teams1(), "CA3"), t)) {
            return -1;
        }
        int[] against = ix.teams(r.teams2(), "CA3");
        for (int o = 0; o < ix.n; o++) {
            if (o != t && !covers(against, o)) {
                return -1;
            }
        }
        return r.max();
    }

    private static boolean covers(int[] teams, int t) {
        for (int x : teams) {
            if (x == t) {
                return true;
            }
        }
        return false;
    }
}
