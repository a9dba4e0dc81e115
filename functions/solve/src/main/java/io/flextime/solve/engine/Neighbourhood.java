package io.flextime.solve.engine;

import io.flextime.core.model.SeasonIndex;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * The games a neighbourhood search may move: x[h][a][s] is free when s is one of {@code slots} or h or a
 * is one of {@code teams}; everything else keeps its value.
 */
record Neighbourhood(Kind kind, boolean[] slots, boolean[] teams) {

    enum Kind {
        /** Consecutive slots: games move between nearby rounds, road trips are rebuilt. */
        SLOT_WINDOW,
        /** Slots anywhere in the season: rounds swap places (the TTP "swap rounds" move and more). */
        SLOT_SET,
        /** Every game of a few teams: home/away swaps and exchanges among them ("swap homes", "swap teams"). */
        TEAM_SET
    }

    int slotCount() {
        return count(slots);
    }

    int teamCount() {
        return count(teams);
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    boolean frees(int h, int a, int s) {
        return slots[s] || teams[h] || teams[a];
    }

    /**
     * Picks neighbourhoods in turn and sizes each kind adaptively (as CP-SAT sizes its own): a neighbourhood
     * searched to the end within the limit grows its kind, one that ran out of time shrinks it.
     */
    static final class Chooser {
        private static final double GROW = 1.08;
        private final SeasonIndex ix;
        private final Random random;
        private final Map<Kind, Double> share = new EnumMap<>(Kind.class);
        private int turn;

        Chooser(SeasonIndex ix, Random random) {
            this.ix = ix;
            this.random = random;
            share.put(Kind.SLOT_WINDOW, 0.25);
            share.put(Kind.SLOT_SET, 0.2);
            share.put(Kind.TEAM_SET, 0.25);
        }

        Neighbourhood next() {
            Kind kind = Kind.values()[turn++ % Kind.values().length];
            boolean[] slots = new boolean[ix.slotCount];
            boolean[] teams = new boolean[ix.n];
            double f = share.get(kind);
            switch (kind) {
                case SLOT_WINDOW -> {
                    int k = size(f, ix.slotCount);
                    int from = random.nextInt(ix.slotCount - k + 1);
                    for (int s = from; s < from + k; s++) {
                        slots[s] = true;
                    }
                }
                case SLOT_SET -> pick(slots, size(f, ix.slotCount));
                case TEAM_SET -> pick(teams, size(f, ix.n));
            }
            return new Neighbourhood(kind, slots, teams);
        }

        void feedback(Neighbourhood nb, boolean explored) {
            double f = share.get(nb.kind());
            share.put(nb.kind(), Math.max(0.01, Math.min(0.9, explored ? f * GROW : f / GROW)));
        }

        private static int size(double share, int of) {
            return Math.max(2, Math.min(of, (int) Math.round(share * of)));
        }

        private void pick(boolean[] into, int k) {
            int picked = 0;
            while (picked < k) {
                int i = random.nextInt(into.length);
                if (!into[i]) {
                    into[i] = true;
                    picked++;
                }
            }
        }
    }
}
