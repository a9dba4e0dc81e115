package io.flextime.validate.feasibility;

import io.flextime.core.model.ConstraintParams;
import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.validate.checks.SeasonIndex;
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
            if (c.type() != ConstraintType.FIXED_GAME) {
                continue;
            }
            try {
                ConstraintParams p = new ConstraintParams(c);
                String home = p.strings("home").get(0);
                String away = p.strings("away").get(0);
                int pos = p.has("slot") ? index.position(p.integer("slot"))
                        : index.slotOn(p.dates("date").get(0)).map(index::position).orElse(-1);
                if (pos >= 0 && index.hasTeam(home) && index.hasTeam(away)) {
                    out.add(new Fixed(c.id(), home, away, pos));
                }
            } catch (RuntimeException e) {
                // malformed: reported by ConstraintParamCheck / CalendarCheck
            }
        }
        return new FixedGames(List.copyOf(out));
    }
}
