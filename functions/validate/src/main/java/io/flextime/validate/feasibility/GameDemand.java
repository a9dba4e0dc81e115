package io.flextime.validate.feasibility;

import io.flextime.core.model.Matchup;
import io.flextime.core.model.SeasonFormat.RoundRobin;
import io.flextime.core.model.SeasonIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * Games each team must play, in all and at home and away: from the matchups when given, else from the
 * format (double round robin: n-1 home and n-1 away; single and partial: only the total is known).
 */
public final class GameDemand {
    /** Per team: {games, home, away}; home and away are -1 when the format leaves them open. */
    private final Map<String, int[]> demand = new HashMap<>();

    public GameDemand(SeasonIndex index) {
        int n = index.teamCount();
        if (!index.season().matchups().isEmpty()) {
            for (String t : index.teamIds()) {
                demand.put(t, new int[3]);
            }
            for (Matchup m : index.season().matchups()) {
                if (index.hasTeam(m.home()) && index.hasTeam(m.away()) && !m.home().equals(m.away()) && m.meetings() > 0) {
                    demand.get(m.home())[0] += m.meetings();
                    demand.get(m.home())[1] += m.meetings();
                    demand.get(m.away())[0] += m.meetings();
                    demand.get(m.away())[2] += m.meetings();
                }
            }
            return;
        }
        Integer games = index.gamesPerTeam();
        boolean double_ = index.season().format().roundRobin() == RoundRobin.DOUBLE;
        for (String t : index.teamIds()) {
            demand.put(t, new int[] {games == null ? 0 : games, double_ ? n - 1 : -1, double_ ? n - 1 : -1});
        }
    }

    public int games(String team) {
        return demand.getOrDefault(team, new int[3])[0];
    }

    /** Home games required, or -1 when open. */
    public int home(String team) {
        return demand.getOrDefault(team, new int[] {0, -1, -1})[1];
    }

    public int away(String team) {
        return demand.getOrDefault(team, new int[] {0, -1, -1})[2];
    }

    public int totalGames() {
        return demand.values().stream().mapToInt(d -> d[0]).sum() / 2;
    }
}
