package io.flextime.export.analytics;

import io.flextime.core.model.Distance;
import io.flextime.core.model.Game;
import io.flextime.core.model.Season;
import io.flextime.core.model.SeasonFormat;
import io.flextime.core.model.Slot;
import io.flextime.core.model.Team;
import io.flextime.core.model.Venue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A season small enough to check by hand: four teams whose arenas lie on a line, 100 km apart
 * (A at 0, B at 100, C at 200, D at 300; an explicit distance matrix, no coordinates), six weekly
 * slots, and a double round robin whose home/away patterns are
 * <pre>
 *        s0  s1  s2  s3  s4  s5
 *   A    H   A@C H   A@B H   A@D   breaks 0
 *   B    A@A A@D H   H   H   A@C   breaks 3 (s1, s3, s4)
 *   C    H   H   A@B A@D A@A H     breaks 3 (s1, s3, s4)
 *   D    A@C H   A@A H   A@B H     breaks 0
 * </pre>
 */
final class LineLeague {
    static final LocalDate FIRST = LocalDate.of(2026, 1, 3);

    private LineLeague() {
    }

    static Season season() {
        String[] ids = { "A", "B", "C", "D" };
        List<Team> teams = new ArrayList<>();
        List<Venue> venues = new ArrayList<>();
        List<Distance> distances = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            teams.add(new Team(ids[i], "Team " + ids[i], "v" + ids[i], "America/Chicago", Map.of()));
            venues.add(new Venue("v" + ids[i], "Arena " + ids[i], "Town " + ids[i], null, null, 5000, "America/Chicago"));
            for (int j = 0; j < ids.length; j++) {
                if (i != j) {
                    distances.add(new Distance("v" + ids[i], "v" + ids[j], 100.0 * Math.abs(i - j)));
                }
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            slots.add(new Slot(s, FIRST.plusWeeks(s), null, null, "Week " + (s + 1)));
        }
        return new Season("line-league", "Line League", "mens-basketball", FIRST, FIRST.plusWeeks(6), "America/Chicago",
                SeasonFormat.compactDouble(), null, false, teams, venues, slots, List.of(), List.of(), distances);
    }

    static List<Game> games() {
        String[][] bySlot = { { "A", "B", "C", "D" }, { "C", "A", "D", "B" }, { "A", "D", "B", "C" }, { "B", "A", "D", "C" },
                { "A", "C", "B", "D" }, { "D", "A", "C", "B" } };
        List<Game> games = new ArrayList<>();
        for (int s = 0; s < bySlot.length; s++) {
            for (int g = 0; g < 4; g += 2) {
                games.add(new Game(games.size() + 1, s, FIRST.plusWeeks(s), bySlot[s][g], bySlot[s][g + 1], "v" + bySlot[s][g]));
            }
        }
        return games;
    }
}
