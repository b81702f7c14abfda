package org.memdse.mapping.partition;

import java.util.Arrays;

/**
 * An indexed max-heap of the items 0..n-1 by a key array, ties to the item with the lower tie
 * number: the partitioner's growing core (clusters by their connection to it, which only grows
 * while they wait, ties to the one listed first) and the refiner's moves (vertices by gain, ties
 * to the lower vertex, so that runs repeat). The keys are the owner's array: a key changed from
 * outside is followed by {@link #raised} (it grew) or set through {@link #set}.
 */
final class IndexedMaxHeap {
    private final double[] key;
    private final long[] tie;
    private final int[] heap;
    private final int[] pos;
    private int size;

    /** A heap over {@code key}, ties to the lower {@code tie} number (the owner's array, set before an item is ordered). */
    IndexedMaxHeap(double[] key, long[] tie) {
        this.key = key;
        this.tie = tie;
        heap = new int[key.length];
        pos = new int[key.length];
        Arrays.fill(pos, -1);
    }

    /** A heap of {@code n} items with keys of its own, ties to the lower item. */
    static IndexedMaxHeap byItem(int n) {
        long[] tie = new long[n];
        Arrays.setAll(tie, i -> i);
        return new IndexedMaxHeap(new double[n], tie);
    }

    boolean contains(int v) {
        return pos[v] >= 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The item on top (the heap must not be empty). */
    int top() {
        return heap[0];
    }

    double key(int v) {
        return key[v];
    }

    /** Puts {@code v} last, not yet in order: its key is ordered by a later {@link #raised}. */
    void append(int v) {
        heap[size] = v;
        pos[v] = size++;
    }

    /** Gives {@code v} the key {@code k}, adding it if it is not in the heap. */
    void set(int v, double k) {
        if (pos[v] < 0) {
            key[v] = k;
            append(v);
            up(pos[v]);
        } else {
            double old = key[v];
            key[v] = k;
            if (old > k) {
                down(pos[v]);
            } else {
                up(pos[v]);
            }
        }
    }

    /** Restores the order after {@code v}'s key grew (it is in the heap). */
    void raised(int v) {
        up(pos[v]);
    }

    void remove(int v) {
        int i = pos[v];
        if (i < 0) {
            return;
        }
        pos[v] = -1;
        int last = heap[--size];
        if (i < size) {
            heap[i] = last;
            pos[last] = i;
            up(i);
            down(pos[last]);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            pos[heap[i]] = -1;
        }
        size = 0;
    }

    /** Whether item {@code v} ranks above item {@code u}. */
    private boolean above(int v, int u) {
        return key[v] > key[u] || key[v] == key[u] && tie[v] < tie[u];
    }

    private void up(int i) {
        int v = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int u = heap[parent];
            if (!above(v, u)) {
                break;
            }
            heap[i] = u;
            pos[u] = i;
            i = parent;
        }
        heap[i] = v;
        pos[v] = i;
    }

    private void down(int i) {
        int v = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && above(heap[child + 1], heap[child])) {
                child++;
            }
            int u = heap[child];
            if (!above(u, v)) {
                break;
            }
            heap[i] = u;
            pos[u] = i;
            i = child;
        }
        heap[i] = v;
        pos[v] = i;
    }
}
