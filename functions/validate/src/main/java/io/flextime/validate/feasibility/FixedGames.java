package io.flextime.validate.feasibility;

import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.FixedGame;
import io.flextime.core.model.SeasonIndex;
import java.util.ArrayList;
import java.util.List;

/** The hard FIXED_GAMEs of a season, with their slot position resolved (by slot index or date). */
public record FixedGames(List<Fixed> games) {

    /** {@code home} hosts {@code away} in slot position {@code position}. */
    public record Fixed(String id, String home, String away, int position) {
        public boolean involves(String team) {
            return home.equals(team) || away.equals(team);
        }

        /** H when the team hosts, A when it visits. */
        public String modeOf(String team) {
            return home.equals(team) ? "H" : "A";
        }
    }

    public static FixedGames of(SeasonIndex index) {
        List<Fixed> out = new ArrayList<>();
        for (SeasonConstraint c : index.hard()) {
            if (c.rule() instanceof FixedGame r) {
                int pos = r.slot() != null ? index.position(r.slot()) : index.slotOn(r.date()).map(index::position).orElse(-1);
                if (pos >= 0 && index.hasTeam(r.home()) && index.hasTeam(r.away())) {
                    out.add(new Fixed(c.id(), r.home(), r.away(), pos));
                }
            }
        }
        return new FixedGames(List.copyOf(out));
    }
}
