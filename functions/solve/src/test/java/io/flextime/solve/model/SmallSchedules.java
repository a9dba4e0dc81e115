package io.flextime.solve.model;

import io.flextime.rules.evaluator.Assignment;
import io.flextime.rules.evaluator.Evaluation;
import io.flextime.rules.evaluator.ScheduleEvaluator;
import io.flextime.core.model.Season;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Every schedule of a tiny season, by depth-first search over the slots: each slot gets an oriented
 * matching (a perfect one in compact seasons), an ordered pair at most once. The independent evaluator
 * decides which of them are feasible; the tests use them as ground truth no solver takes part in.
 */
public final class SmallSchedules {
    private final Season season;
    private final List<int[][]> matchings = new ArrayList<>();
    private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

    public SmallSchedules(Season season) {
        this.season = season;
        matchings(new ArrayList<>(), new boolean[season.teams().size()], 0, season.format().compact());
    }

    /** Calls back with every feasible schedule and its evaluation. */
    public void forEachFeasible(BiConsumer<List<Assignment>, Evaluation> each) {
        int n = season.teams().size();
        search(0, new boolean[n][n], new ArrayList<>(), each);
    }

    private void search(int slot, boolean[][] used, List<Assignment> games, BiConsumer<List<Assignment>, Evaluation> each) {
        if (slot == season.slots().size()) {
            Evaluation e = evaluator.evaluate(season, games, null);
            if (e.feasible()) {
                each.accept(List.copyOf(games), e);
            }
            return;
        }
        for (int[][] matching : matchings) {
            boolean free = true;
            for (int[] g : matching) {
                free &= !used[g[0]][g[1]];
            }
            if (!free) {
                continue;
            }
            for (int[] g : matching) {
                used[g[0]][g[1]] = true;
                games.add(new Assignment(season.slots().get(slot).index(), season.teams().get(g[0]).id(),
                        season.teams().get(g[1]).id()));
            }
            search(slot + 1, used, games, each);
            for (int[] g : matching) {
                used[g[0]][g[1]] = false;
                games.remove(games.size() - 1);
            }
        }
    }

    /** All oriented matchings (games {home, away}); perfect ones only when compact. */
    private void matchings(List<int[]> chosen, boolean[] busy, int from, boolean perfect) {
        int n = busy.length;
        int first = from;
        while (first < n && busy[first]) {
            first++;
        }
        if (first == n) {
            matchings.add(chosen.toArray(new int[0][]));
            return;
        }
        if (!perfect) {
            // first sits out this slot
            busy[first] = true;
            matchings(chosen, busy, first + 1, false);
            busy[first] = false;
        }
        busy[first] = true;
        for (int o = first + 1; o < n; o++) {
            if (busy[o]) {
                continue;
            }
            busy[o] = true;
            for (int[] game : new int[][] {{first, o}, {o, first}}) {
                chosen.add(game);
                matchings(chosen, busy, first + 1, perfect);
                chosen.remove(chosen.size() - 1);
            }
            busy[o] = false;
        }
        busy[first] = false;
    }
}
