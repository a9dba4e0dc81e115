package io.flextime.solve.calendar;

import java.util.SplittableRandom;

/**
 * The moves of the calendar search, each a few {@link CalendarState} steps (the caller begins,
 * evaluates and keeps or undoes them); a move that does not apply returns false before any step.
 * <ul>
 *   <li>{@link #relocate}: a game to another slot its teams may use; the games they already play there are
 *       put out, and back into the game's old slot when their teams are free there (so it is also a swap);</li>
 *   <li>{@link #kempe}: two slots, the chain of games reachable from one game through teams playing in either,
 *       exchanged between them (every team in the chain keeps playing in the same slots as before:
 *       the move that keeps "each team plays on its dates");</li>
 *   <li>{@link #flip}: who hosts a game (SINGLE, PARTIAL), both games of a home-and-home pair together;</li>
 *   <li>{@link #swapOpponents}: two games of one slot exchange their visitors (PARTIAL: who meets whom);</li>
 *   <li>{@link #swapSlots}: every game of two slots exchanged.</li>
 * </ul>
 * Games fixed by a hard FIXED_GAME never move.
 */
final class CalendarMoves {
    private final CalendarProblem p;
    private final CalendarState st;
    private final SplittableRandom random;
    private final int[] chain;
    private final int[] chainSlot;
    private final boolean[] inChain;
    private final int[] teamQueue;
    private final boolean[] teamSeen;

    CalendarMoves(CalendarState state, SplittableRandom random) {
        this.p = state.p;
        this.st = state;
        this.random = random;
        this.chain = new int[p.games()];
        this.chainSlot = new int[p.games()];
        this.inChain = new boolean[p.games()];
        this.teamQueue = new int[p.n];
        this.teamSeen = new boolean[p.n];
    }

    boolean movable(int g) {
        return p.fixedSlot[g] < 0;
    }

    /** A random game: an unplaced one with probability {@code unplacedBias} when there is one. */
    int pickGame(double unplacedBias) {
        int games = p.games();
        if (st.unplacedGames() > 0 && random.nextDouble() < unplacedBias) {
            int from = random.nextInt(games);
            for (int k = 0; k < games; k++) {
                int g = (from + k) % games;
                if (st.slotOf[g] < 0) {
                    return g;
                }
            }
        }
        return random.nextInt(games);
    }

    /**
     * A placed game the hard rules point at: in a slot where a rule over several teams is broken, or of a
     * team whose own row breaks a hard rule; −1 when none is found.
     */
    int pickViolatedGame() {
        if (st.hardOfGames() > 0 && random.nextBoolean()) {
            GameTerm[] terms = p.gameTerms;
            int from = random.nextInt(terms.length);
            for (int k = 0; k < terms.length; k++) {
                GameTerm term = terms[(from + k) % terms.length];
                if (term.hard && term.deviation > 0) {
                    int s = term.violatedSlot(random.nextInt(p.slotCount));
                    if (s >= 0) {
                        int t0 = random.nextInt(p.n);
                        for (int j = 0; j < p.n; j++) {
                            int g = st.gameAt[(t0 + j) % p.n][s];
                            if (g >= 0) {
                                return g;
                            }
                        }
                    }
                }
            }
        }
        int from = random.nextInt(p.n);
        for (int k = 0; k < p.n; k++) {
            int t = (from + k) % p.n;
            if (st.teamHard(t) > 0) {
                return randomGameOf(t);
            }
        }
        return -1;
    }

    /** A random placed game of team t, or −1. */
    int randomGameOf(int t) {
        long[] pl = st.plays[t];
        int count = 0;
        for (long w : pl) {
            count += Long.bitCount(w);
        }
        if (count == 0) {
            return -1;
        }
        int k = random.nextInt(count);
        for (int w = 0; w < pl.length; w++) {
            int c = Long.bitCount(pl[w]);
            if (k < c) {
                long bits = pl[w];
                for (int i = 0; i < k; i++) {
                    bits &= bits - 1;
                }
                return st.gameAt[t][(w << 6) + Long.numberOfTrailingZeros(bits)];
            }
            k -= c;
        }
        return -1;
    }

    /**
     * Places unplaced game g: in a slot where both its teams are free, else by a Kempe chain: in a slot
     * s_h where the home team is free and s_a where the visitor is, the chain of the visitor's game in s_h
     * is exchanged between s_h and s_a, which frees the visitor in s_h unless the chain reaches the home
     * team (the augmenting step of edge colouring).
     */
    boolean insertByKempe(int g) {
        if (st.slotOf[g] >= 0) {
            return false;
        }
        int h = st.home[g];
        int a = st.away[g];
        int freeH = -1;
        int freeA = -1;
        int seenH = 0;
        int seenA = 0;
        for (int s = 0; s < p.slotCount; s++) {
            if (!may(h, a, s)) {
                continue;
            }
            boolean hFree = st.gameAt[h][s] < 0;
            boolean aFree = st.gameAt[a][s] < 0;
            if (hFree && aFree) {
                st.place(g, s);
                return true;
            }
            // reservoir sampling: a uniform slot of each kind
            if (hFree && random.nextInt(++seenH) == 0) {
                freeH = s;
            }
            if (aFree && random.nextInt(++seenA) == 0) {
                freeA = s;
            }
        }
        if (freeH < 0 || freeA < 0) {
            return false;
        }
        int e = st.gameAt[a][freeH];
        if (!kempe(e, freeA)) {
            return false;
        }
        if (st.gameAt[h][freeH] < 0 && st.gameAt[a][freeH] < 0) {
            st.place(g, freeH);
        }
        return true;
    }

    /** A random slot where game g's teams may play it, other than {@code not}, or −1 (a few draws). */
    int pickSlot(int h, int a, int not) {
        for (int k = 0; k < 24; k++) {
            int s = random.nextInt(p.slotCount);
            if (s != not && may(h, a, s)) {
                return s;
            }
        }
        return -1;
    }

    boolean may(int h, int a, int s) {
        return p.allowed(p.mayPlay[h], s) && p.allowed(p.mayPlay[a], s) && p.allowed(p.mayHost[h], s)
                && p.allowed(p.mayVisit[a], s);
    }

    boolean relocate(int g, int s) {
        int from = st.slotOf[g];
        int h = st.home[g];
        int a = st.away[g];
        int e1 = st.gameAt[h][s];
        int e2 = st.gameAt[a][s];
        if (s == from || (e1 >= 0 && !movable(e1)) || (e2 >= 0 && !movable(e2)) || !movable(g)) {
            return false;
        }
        if (from >= 0) {
            st.unplace(g);
        }
        if (e1 >= 0) {
            st.unplace(e1);
        }
        if (e2 >= 0 && e2 != e1) {
            st.unplace(e2);
        }
        st.place(g, s);
        if (from >= 0) {
            backFill(e1, from);
            if (e2 != e1) {
                backFill(e2, from);
            }
        }
        return true;
    }

    private void backFill(int e, int slot) {
        if (e >= 0 && st.gameAt[st.home[e]][slot] < 0 && st.gameAt[st.away[e]][slot] < 0 && may(st.home[e], st.away[e], slot)) {
            st.place(e, slot);
        }
    }

    /** The Kempe chain of game g (placed) between its slot and {@code other}; false when it holds a fixed game. */
    boolean kempe(int g, int other) {
        int s1 = st.slotOf[g];
        if (s1 < 0 || other == s1) {
            return false;
        }
        int size = 0;
        int head = 0;
        int tail = 0;
        teamQueue[tail++] = st.home[g];
        teamSeen[st.home[g]] = true;
        boolean ok = true;
        while (head < tail) {
            int t = teamQueue[head++];
            for (int side = 0; side < 2; side++) {
                int s = side == 0 ? s1 : other;
                int e = st.gameAt[t][s];
                if (e < 0 || inChain[e]) {
                    continue;
                }
                if (!movable(e)) {
                    ok = false;
                }
                inChain[e] = true;
                chain[size] = e;
                chainSlot[size++] = s;
                int o = st.home[e] == t ? st.away[e] : st.home[e];
                if (!teamSeen[o]) {
                    teamSeen[o] = true;
                    teamQueue[tail++] = o;
                }
            }
        }
        for (int i = 0; i < tail; i++) {
            teamSeen[teamQueue[i]] = false;
        }
        for (int i = 0; i < size; i++) {
            inChain[chain[i]] = false;
        }
        if (!ok || size == 0) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            st.unplace(chain[i]);
        }
        for (int i = 0; i < size; i++) {
            st.place(chain[i], chainSlot[i] == s1 ? other : s1);
        }
        return true;
    }

    /** Swaps who hosts game g (and, in a home-and-home pair, its return game too). */
    boolean flip(int g) {
        if (p.pairing == CalendarProblem.Pairing.GIVEN || !movable(g)) {
            return false;
        }
        int h = st.home[g];
        int a = st.away[g];
        int back = -1;
        if (st.met[a][h] > 0) {
            for (int e = 0; e < p.games(); e++) {
                if (st.home[e] == a && st.away[e] == h) {
                    back = e;
                    break;
                }
            }
            if (back >= 0 && !movable(back)) {
                return false;
            }
        }
        reverse(g);
        if (back >= 0) {
            reverse(back);
        }
        return true;
    }

    private void reverse(int g) {
        int s = st.slotOf[g];
        if (s >= 0) {
            st.unplace(g);
        }
        st.repair(g, st.away[g], st.home[g]);
        if (s >= 0) {
            st.place(g, s);
        }
    }

    /** Games g1 and g2, in the same slot, exchange their visitors (who meets whom changes, venues do not). */
    boolean swapOpponents(int g1, int g2) {
        int s = st.slotOf[g1];
        if (p.pairing != CalendarProblem.Pairing.PARTIAL || g1 == g2 || s < 0 || st.slotOf[g2] != s || !movable(g1) || !movable(g2)) {
            return false;
        }
        int a1 = st.away[g1];
        int a2 = st.away[g2];
        st.unplace(g1);
        st.unplace(g2);
        st.repair(g1, st.home[g1], a2);
        st.repair(g2, st.home[g2], a1);
        st.place(g1, s);
        st.place(g2, s);
        return true;
    }

    /** A second game in g's slot, or −1. */
    int otherGameInSlot(int g) {
        int s = st.slotOf[g];
        if (s < 0) {
            return -1;
        }
        int from = random.nextInt(p.n);
        for (int k = 0; k < p.n; k++) {
            int t = (from + k) % p.n;
            int e = st.gameAt[t][s];
            if (e >= 0 && e != g) {
                return e;
            }
        }
        return -1;
    }

    boolean swapSlots(int s1, int s2) {
        if (s1 == s2) {
            return false;
        }
        int size = 0;
        for (int t = 0; t < p.n; t++) {
            for (int side = 0; side < 2; side++) {
                int s = side == 0 ? s1 : s2;
                int e = st.gameAt[t][s];
                if (e >= 0 && st.home[e] == t) {
                    if (!movable(e)) {
                        return false;
                    }
                    chain[size] = e;
                    chainSlot[size++] = s;
                }
            }
        }
        if (size == 0) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            st.unplace(chain[i]);
        }
        for (int i = 0; i < size; i++) {
            st.place(chain[i], chainSlot[i] == s1 ? s2 : s1);
        }
        return true;
    }
}
