package io.flextime.export.analytics;

import io.flextime.core.model.Game;
import io.flextime.core.model.Season;
import io.flextime.core.model.Slot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The home/away/bye grid of a schedule: teams × slots. A break is the solver's (and the RobinX BR
 * constraints') definition: two games in consecutive slots, both at home or both away; a bye between
 * them ends the run.
 */
final class HomeAwayPattern {
    private HomeAwayPattern() {
    }

    /** The season's slots in index order, plus any slot a game uses that the season does not list. */
    static List<SlotColumn> columns(Season season, List<Game> games) {
        TreeMap<Integer, SlotColumn> byIndex = new TreeMap<>();
        for (Slot s : season.slots()) {
            byIndex.put(s.index(), new SlotColumn(s.index(), s.date(), s.label()));
        }
        for (Game g : games) {
            byIndex.putIfAbsent(g.slotIndex(), new SlotColumn(g.slotIndex(), g.date(), null));
        }
        return new ArrayList<>(byIndex.values());
    }

    /** One cell per column for the team; a team listed twice in a slot (an invalid schedule) keeps its first game. */
    static List<PatternCell> cells(String team, List<SlotColumn> columns, List<Game> games) {
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            position.put(columns.get(i).index(), i);
        }
        PatternCell[] row = new PatternCell[columns.size()];
        for (Game g : gamesOf(team, games)) {
            int at = position.get(g.slotIndex());
            if (row[at] == null) {
                boolean home = g.homeTeam().equals(team);
                row[at] = new PatternCell(home ? PatternCell.Role.HOME : PatternCell.Role.AWAY,
                        home ? g.awayTeam() : g.homeTeam(), false);
            }
        }
        List<PatternCell> out = new ArrayList<>(row.length);
        PatternCell before = PatternCell.BYE;
        for (PatternCell c : row) {
            PatternCell cell = c == null ? PatternCell.BYE : c;
            if (cell.role() != PatternCell.Role.BYE && cell.role() == before.role()) {
                cell = new PatternCell(cell.role(), cell.opponent(), true);
            }
            out.add(cell);
            before = cell;
        }
        return out;
    }

    static int breaks(List<PatternCell> cells) {
        return (int) cells.stream().filter(PatternCell::breakGame).count();
    }

    static int count(List<PatternCell> cells, PatternCell.Role role) {
        return (int) cells.stream().filter(c -> c.role() == role).count();
    }

    /** A team's games in slot order. */
    static List<Game> gamesOf(String team, List<Game> games) {
        return games.stream().filter(g -> g.homeTeam().equals(team) || g.awayTeam().equals(team))
                .sorted(Comparator.comparingInt(Game::slotIndex).thenComparing(Game::number)).toList();
    }
}
