package io.flextime.solve.calendar;

import io.flextime.core.rules.Mode;

/**
 * One team's games as the terms read them: which slots it plays and hosts (bit sets over slot
 * positions), its opponent per slot, and its played slots in order. A view of {@link CalendarState}
 * filled for one team at a time, so terms allocate nothing.
 */
final class TeamRow {
    int team;
    long[] plays;
    long[] hosts;
    int[] opponent;
    /** The slots the team plays, ascending; {@code games} of them are valid. */
    final int[] sequence;
    int games;

    /** Scratch space for a term's deviation (terms are shared by the search threads; rows are not). */
    final int[] scratch;

    TeamRow(int slotCount, int teams) {
        sequence = new int[slotCount];
        scratch = new int[Math.max(slotCount + 1, teams)];
    }

    boolean home(int slot) {
        return (hosts[slot >>> 6] & (1L << slot)) != 0;
    }

    /** Games of {@code mode} (H, A or HA) in the slots of {@code mask}. */
    int count(Mode mode, long[] mask) {
        int c = 0;
        for (int w = 0; w < mask.length; w++) {
            long m = switch (mode) {
                case H -> hosts[w];
                case A -> plays[w] & ~hosts[w];
                case HA -> plays[w];
            };
            c += Long.bitCount(m & mask[w]);
        }
        return c;
    }

}
