package io.flextime.solve.calendar;

import java.util.ArrayList;
import java.util.List;

/**
 * A valid pairing of the PARTIAL format to start from, as a circulant on Z_n: teams i and i + d meet
 * twice (once at each venue) for the smallest distances d, and once — the team d below hosting — for as
 * many further distances as the games per team need. Each distance below n/2 gives every team one home
 * and one away game; n/2 (even n) gives one game, hosted by the lower half, which is where the ±1 of the
 * home/away balance comes from. The search then changes who meets whom and who hosts.
 */
final class InitialPairing {
    private InitialPairing() {
    }

    static List<int[]> partial(int n, int gamesPerTeam, int twiceOpponents) {
        boolean even = n % 2 == 0;
        int below = (n - 1) / 2; // distances 1..below give every team two games each
        if (twiceOpponents % 2 == 1 && !even) {
            throw new IllegalArgumentException("an odd number of twice-met opponents needs an even number of teams");
        }
        int twiceDistances = twiceOpponents / 2;
        boolean halfTwice = twiceOpponents % 2 == 1;
        int singles = gamesPerTeam - 2 * twiceOpponents;
        int singleDistances = singles / 2;
        boolean halfSingle = singles % 2 == 1;
        if (singles < 0 || twiceDistances + singleDistances > below || (halfSingle && (!even || halfTwice))) {
            throw new IllegalArgumentException("no circulant pairing for " + n + " teams, " + gamesPerTeam + " games, "
                    + twiceOpponents + " opponents twice");
        }
        List<int[]> games = new ArrayList<>();
        for (int d = 1; d <= twiceDistances + singleDistances; d++) {
            for (int i = 0; i < n; i++) {
                int j = (i + d) % n;
                games.add(new int[] {i, j});
                if (d <= twiceDistances) {
                    games.add(new int[] {j, i});
                }
            }
        }
        if (halfTwice || halfSingle) {
            for (int i = 0; i < n / 2; i++) {
                games.add(new int[] {i, i + n / 2});
                if (halfTwice) {
                    games.add(new int[] {i + n / 2, i});
                }
            }
        }
        return games;
    }
}
