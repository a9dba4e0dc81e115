package io.flextime.rules.cost;

/**
 * Old values of every int a cost term wrote since the last clear, to write them back in reverse order:
 * undoing a move is replaying the journal backwards (no copies of the terms' state per move).
 */
public final class Journal {
    private int[][] arrays = new int[1024][];
    private int[] positions = new int[1024];
    private int[] values = new int[1024];
    private int size;

    /** {@code array[position] = value}, remembering the old value. */
    public void set(int[] array, int position, int value) {
        if (array[position] == value) {
            return;
        }
        if (size == arrays.length) {
            arrays = java.util.Arrays.copyOf(arrays, size * 2);
            positions = java.util.Arrays.copyOf(positions, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        arrays[size] = array;
        positions[size] = position;
        values[size] = array[position];
        size++;
        array[position] = value;
    }

    void rollBack() {
        for (int k = size - 1; k >= 0; k--) {
            arrays[k][positions[k]] = values[k];
            arrays[k] = null;
        }
        size = 0;
    }

    void clear() {
        for (int k = 0; k < size; k++) {
            arrays[k] = null;
        }
        size = 0;
    }
}
