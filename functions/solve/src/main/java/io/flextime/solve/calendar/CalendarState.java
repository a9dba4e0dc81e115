package io.flextime.solve.calendar;

import io.flextime.rules.evaluator.Assignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A schedule of a {@link CalendarProblem} being searched: each game's slot (or −1 while unplaced), each
 * team's row, and the cost kept up to date move by move. A move is a sequence of {@link #place} /
 * {@link #unplace} / {@link #repair} steps between {@link #begin} and {@link #evaluate}; it is then
 * either kept ({@link #commit}) or undone ({@link #rollback}), which replays the steps backwards. Only
 * the rows of the teams a move touched are rescored; rules over several teams follow game by game.
 * Not thread-safe: one state per search thread.
 */
final class CalendarState {
    final CalendarProblem p;
    final int n;
    final int slotCount;
    /** Each game's teams (they change in SINGLE and PARTIAL pairings) and slot, −1 while unplaced. */
    final int[] home;
    final int[] away;
    final int[] slotOf;
    /** The game a team plays in a slot, or −1. */
    final int[][] gameAt;
    final int[][] opponent;
    final long[][] plays;
    final long[][] hosts;
    /** met[h][a]: games in which h hosts a (scored for the PARTIAL format). */
    final int[][] met;

    private final long[] teamTravel;
    private final int[] teamHard;
    private final long[] teamSoft;
    private long travel;
    private int hardOfTeams;
    private long softOfTeams;
    private int hardOfGames;
    private long softOfGames;
    private int unplaced;

    /** The rules over several teams' games that a game in each slot can change. */
    private final GameTerm[][] gameTermsAt;
    private final TeamRow row;
    private final boolean[] dirty;
    private final int[] dirtyTeams;
    private int dirtyCount;
    /** Undo journal: steps (kind, game, slot, home, away) and the saved scores of rescored teams. */
    private int[] steps = new int[5 * 64];
    private int stepCount;
    private final int[] savedTeam;
    private final long[] savedTravel;
    private final int[] savedHard;
    private final long[] savedSoft;
    private int savedCount;
    private long savedTotals0;
    private int savedTotals1;
    private long savedTotals2;

    private static final int PLACE = 1;
    private static final int UNPLACE = 2;
    private static final int REPAIR = 3;

    CalendarState(CalendarProblem p) {
        this.p = p;
        this.n = p.n;
        this.slotCount = p.slotCount;
        int games = p.games();
        this.home = p.gameHome.clone();
        this.away = p.gameAway.clone();
        this.slotOf = new int[games];
        Arrays.fill(slotOf, -1);
        this.gameAt = new int[n][slotCount];
        this.opponent = new int[n][slotCount];
        for (int t = 0; t < n; t++) {
            Arrays.fill(gameAt[t], -1);
            Arrays.fill(opponent[t], -1);
        }
        this.plays = new long[n][p.words];
        this.hosts = new long[n][p.words];
        this.met = new int[n][n];
        for (int g = 0; g < games; g++) {
            met[home[g]][away[g]]++;
        }
        this.unplaced = games;
        this.teamTravel = new long[n];
        this.teamHard = new int[n];
        this.teamSoft = new long[n];
        this.row = new TeamRow(slotCount, n);
        this.gameTermsAt = new GameTerm[slotCount][];
        for (int s = 0; s < slotCount; s++) {
            final int slot = s;
            gameTermsAt[s] = java.util.Arrays.stream(p.gameTerms).filter(term -> term.covers(slot)).toArray(GameTerm[]::new);
        }
        this.dirty = new boolean[n];
        this.dirtyTeams = new int[n];
        this.savedTeam = new int[n];
        this.savedTravel = new long[n];
        this.savedHard = new int[n];
        this.savedSoft = new long[n];
        for (GameTerm term : p.gameTerms) {
            term.clear();
            if (term.hard) {
                hardOfGames += term.deviation;
            } else {
                softOfGames += (long) term.deviation * term.penalty;
            }
        }
        for (int t = 0; t < n; t++) {
            score(t);
            travel += teamTravel[t];
            hardOfTeams += teamHard[t];
            softOfTeams += teamSoft[t];
        }
    }

    // ---- the cost ----

    /** Km travelled (each leg in whole metres, as the evaluator). */
    double travelKm() {
        return travel / 1000.0;
    }

    /** Hard deviations, format violations and unplaced games. */
    int hard() {
        return hardOfTeams + hardOfGames + unplaced;
    }

    /** Σ penalty × deviation of the soft rules. */
    long soft() {
        return softOfTeams + softOfGames;
    }

    int unplacedGames() {
        return unplaced;
    }

    /** Hard deviations read from team t's row (its own rules and, in PARTIAL seasons, the format's). */
    int teamHard(int t) {
        return teamHard[t];
    }

    /** Hard deviations of the rules over several teams' games. */
    int hardOfGames() {
        return hardOfGames;
    }

    /** The season's objective (travel weight × km + penalty weight × soft penalties), hard rules aside. */
    double objective() {
        return p.travelWeight * travelKm() + p.penaltyWeight * soft();
    }

    double cost(double hardWeight) {
        return objective() + hardWeight * hard();
    }

    // ---- moves ----

    void begin() {
        stepCount = 0;
        savedCount = 0;
        savedTotals0 = travel;
        savedTotals1 = hardOfTeams;
        savedTotals2 = softOfTeams;
    }

    void place(int g, int s) {
        if (slotOf[g] >= 0 || gameAt[home[g]][s] >= 0 || gameAt[away[g]][s] >= 0) {
            throw new IllegalStateException("place game " + g + " in slot " + s + ": occupied");
        }
        attach(g, s);
        touch(home[g]);
        touch(away[g]);
        record(PLACE, g, s, home[g], away[g]);
    }

    void unplace(int g) {
        int s = slotOf[g];
        detach(g);
        touch(home[g]);
        touch(away[g]);
        record(UNPLACE, g, s, home[g], away[g]);
    }

    /** Gives an unplaced game other teams (a changed pairing or host). */
    void repair(int g, int newHome, int newAway) {
        if (slotOf[g] >= 0) {
            throw new IllegalStateException("repair of a placed game " + g);
        }
        record(REPAIR, g, -1, home[g], away[g]);
        met[home[g]][away[g]]--;
        touch(home[g]);
        touch(away[g]);
        home[g] = newHome;
        away[g] = newAway;
        met[newHome][newAway]++;
        touch(newHome);
        touch(newAway);
    }

    /** Rescores the touched teams; returns the new cost at {@code hardWeight}. */
    double evaluate(double hardWeight) {
        for (int i = 0; i < dirtyCount; i++) {
            int t = dirtyTeams[i];
            dirty[t] = false;
            savedTeam[savedCount] = t;
            savedTravel[savedCount] = teamTravel[t];
            savedHard[savedCount] = teamHard[t];
            savedSoft[savedCount] = teamSoft[t];
            savedCount++;
            travel -= teamTravel[t];
            hardOfTeams -= teamHard[t];
            softOfTeams -= teamSoft[t];
            score(t);
            travel += teamTravel[t];
            hardOfTeams += teamHard[t];
            softOfTeams += teamSoft[t];
        }
        dirtyCount = 0;
        return cost(hardWeight);
    }

    void commit() {
        stepCount = 0;
        savedCount = 0;
    }

    void rollback() {
        for (int i = stepCount - 1; i >= 0; i--) {
            int k = 5 * i;
            int g = steps[k + 1];
            switch (steps[k]) {
                case PLACE -> detach(g);
                case UNPLACE -> attach(g, steps[k + 2]);
                default -> {
                    met[home[g]][away[g]]--;
                    home[g] = steps[k + 3];
                    away[g] = steps[k + 4];
                    met[home[g]][away[g]]++;
                }
            }
        }
        for (int i = 0; i < dirtyCount; i++) {
            dirty[dirtyTeams[i]] = false; // steps after the last evaluate: nothing rescored
        }
        dirtyCount = 0;
        for (int i = 0; i < savedCount; i++) {
            int t = savedTeam[i];
            teamTravel[t] = savedTravel[i];
            teamHard[t] = savedHard[i];
            teamSoft[t] = savedSoft[i];
        }
        travel = savedTotals0;
        hardOfTeams = savedTotals1;
        softOfTeams = savedTotals2;
        stepCount = 0;
        savedCount = 0;
    }

    /** Puts game g into slot s: rows, bit sets and the rules over several teams (no journal, no rescoring). */
    private void attach(int g, int s) {
        int h = home[g];
        int a = away[g];
        slotOf[g] = s;
        gameAt[h][s] = g;
        gameAt[a][s] = g;
        opponent[h][s] = a;
        opponent[a][s] = h;
        long bit = 1L << s;
        plays[h][s >>> 6] |= bit;
        plays[a][s >>> 6] |= bit;
        hosts[h][s >>> 6] |= bit;
        unplaced--;
        games(s, h, a, 1);
    }

    /** Takes game g out of its slot: the inverse of {@link #attach}. */
    private void detach(int g) {
        int s = slotOf[g];
        int h = home[g];
        int a = away[g];
        slotOf[g] = -1;
        gameAt[h][s] = -1;
        gameAt[a][s] = -1;
        opponent[h][s] = -1;
        opponent[a][s] = -1;
        long bit = ~(1L << s);
        plays[h][s >>> 6] &= bit;
        plays[a][s >>> 6] &= bit;
        hosts[h][s >>> 6] &= bit;
        unplaced++;
        games(s, h, a, -1);
    }

    private void games(int s, int h, int a, int sign) {
        for (GameTerm term : gameTermsAt[s]) {
            int before = term.deviation;
            term.add(s, h, a, sign);
            int change = term.deviation - before;
            if (change != 0) {
                if (term.hard) {
                    hardOfGames += change;
                } else {
                    softOfGames += (long) change * term.penalty;
                }
            }
        }
    }

    private void touch(int t) {
        if (!dirty[t]) {
            dirty[t] = true;
            dirtyTeams[dirtyCount++] = t;
        }
    }

    private void record(int kind, int g, int s, int h, int a) {
        if (5 * stepCount + 5 > steps.length) {
            steps = Arrays.copyOf(steps, steps.length * 2);
        }
        int k = 5 * stepCount++;
        steps[k] = kind;
        steps[k + 1] = g;
        steps[k + 2] = s;
        steps[k + 3] = h;
        steps[k + 4] = a;
    }

    // ---- scoring one team ----

    private void score(int t) {
        TeamRow r = rowOf(t);
        long m = 0;
        if (p.travelWeight > 0) {
            long[][] d = p.metres;
            if (p.returnHome) {
                for (int i = 0; i < r.games; i++) {
                    int s = r.sequence[i];
                    if (!r.home(s)) {
                        int o = opponent[t][s];
                        m += d[t][o] + d[o][t];
                    }
                }
            } else {
                int at = t;
                for (int i = 0; i < r.games; i++) {
                    int s = r.sequence[i];
                    int next = r.home(s) ? t : opponent[t][s];
                    m += d[at][next];
                    at = next;
                }
                m += d[at][t];
            }
        }
        int hard = 0;
        long soft = 0;
        for (TeamTerm term : p.teamTerms[t]) {
            int dev = term.deviation(r);
            if (dev > 0) {
                if (term.hard) {
                    hard += dev;
                } else {
                    soft += (long) dev * term.penalty;
                }
            }
        }
        if (p.pairing == CalendarProblem.Pairing.PARTIAL) {
            hard += formatDeviation(t);
        }
        teamTravel[t] = m;
        teamHard[t] = hard;
        teamSoft[t] = soft;
    }

    /** The team's row as the terms read it (a shared view: valid until the next call). */
    TeamRow rowOf(int t) {
        TeamRow r = row;
        r.team = t;
        r.plays = plays[t];
        r.hosts = hosts[t];
        r.opponent = opponent[t];
        int k = 0;
        long[] pl = plays[t];
        for (int w = 0; w < pl.length; w++) {
            long bits = pl[w];
            while (bits != 0) {
                r.sequence[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        r.games = k;
        return r;
    }

    /**
     * The PARTIAL format's rules for team t, as the evaluator checks them: each ordered pair at most once,
     * exactly {@code twiceOpponents} opponents met at both venues, home and away within one of each other,
     * and (with enough games) every pair meeting; a pair's "never meets" is scored on its lower team.
     */
    private int formatDeviation(int t) {
        int dev = 0;
        int twice = 0;
        int hosted = 0;
        int played = 0;
        int[] mine = met[t];
        for (int o = 0; o < n; o++) {
            if (o == t) {
                continue;
            }
            int h = mine[o];
            int a = met[o][t];
            if (h > 1) {
                dev += h - 1;
            }
            if (h > 0 && a > 0) {
                twice++;
            }
            if (p.everyPairMeets && o > t && h + a == 0) {
                dev++;
            }
            hosted += h;
            played += h + a;
        }
        dev += Math.abs(twice - p.twiceOpponents);
        dev += Math.max(0, Math.abs(2 * hosted - played) - 1);
        if (p.gamesPerTeam > 0) {
            dev += Math.abs(played - p.gamesPerTeam);
        }
        return dev;
    }

    // ---- reading and copying ----

    /** The placed games as assignments (slot indexes and team ids of the season). */
    List<Assignment> assignments() {
        List<Assignment> out = new ArrayList<>();
        for (int g = 0; g < slotOf.length; g++) {
            if (slotOf[g] >= 0) {
                out.add(new Assignment(p.ix.slotIndex(slotOf[g]), p.ix.teamId(home[g]), p.ix.teamId(away[g])));
            }
        }
        return out;
    }

    /** Each game's (slot, home, away), for copying a schedule between states of the same problem. */
    int[][] snapshot() {
        return new int[][] {slotOf.clone(), home.clone(), away.clone()};
    }

    /** Makes this state the snapshot's schedule (all steps kept). */
    void restore(int[][] snapshot) {
        begin();
        for (int g = 0; g < slotOf.length; g++) {
            if (slotOf[g] >= 0) {
                unplace(g);
            }
        }
        for (int g = 0; g < slotOf.length; g++) {
            if (home[g] != snapshot[1][g] || away[g] != snapshot[2][g]) {
                repair(g, snapshot[1][g], snapshot[2][g]);
            }
        }
        for (int g = 0; g < slotOf.length; g++) {
            if (snapshot[0][g] >= 0) {
                place(g, snapshot[0][g]);
            }
        }
        evaluate(0);
        commit();
    }
}
