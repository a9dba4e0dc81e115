package io.flextime.rules.cost;

/** The elementary change of a schedule's rows ({@code opp}, {@code home}) that the annealing's moves are made of. */
public final class RowMoves {
    private RowMoves() {
    }

    /**
     * In slot s, team i takes team j's game (opponent and venue) and j takes i's; their opponents' rows
     * follow. i and j must not meet in s.
     */
    public static void exchangeGames(int[][] opp, boolean[][] home, int i, int j, int s) {
        int a = opp[i][s];
        int b = opp[j][s];
        boolean iHome = home[i][s];
        opp[i][s] = b;
        home[i][s] = home[j][s];
        opp[j][s] = a;
        home[j][s] = iHome;
        opp[a][s] = j;
        opp[b][s] = i;
    }
}
