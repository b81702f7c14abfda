package org.memdse.mapping.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The partitioner's and the refiner's heap against a sorted list, over seeded random operations. */
class IndexedMaxHeapTest {
    @Test
    void popsInKeyOrderWithTiesToTheLowerTieNumber() {
        Random random = new Random(7);
        int n = 200;
        IndexedMaxHeap heap = IndexedMaxHeap.byItem(n);
        double[] keys = new double[n];
        List<Integer> in = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            int v = random.nextInt(n);
            int op = random.nextInt(4);
            if (op < 2) {
                double k = random.nextInt(20); // few distinct keys: many ties
                heap.set(v, k);
                keys[v] = k;
                if (!in.contains(v)) {
                    in.add(v);
                }
            } else if (op == 2) {
                heap.remove(v);
                in.remove(Integer.valueOf(v));
            } else if (!in.isEmpty()) {
                int expected = in.stream().min(Comparator.<Integer>comparingDouble(u -> -keys[u]).thenComparing(u -> u))
                        .orElseThrow();
                assertThat(heap.top()).as("step %d", step).isEqualTo(expected);
                assertThat(heap.key(expected)).isEqualTo(keys[expected]);
            }
            assertThat(heap.size()).isEqualTo(in.size());
            assertThat(heap.contains(v)).isEqualTo(in.contains(v));
        }
        heap.clear();
        assertThat(heap.isEmpty()).isTrue();
    }

    @Test
    void keysRaisedFromOutsideAreOrderedByRaisedAndTiesGoToTheFirstListed() {
        double[] conn = new double[5];
        long[] listedAt = {4, 3, 2, 1, 0}; // item 4 listed first
        IndexedMaxHeap heap = new IndexedMaxHeap(conn, listedAt);
        for (int c = 0; c < 5; c++) {
            heap.append(c);
        }
        conn[1] = 2;
        heap.raised(1);
        conn[3] = 2;
        heap.raised(3);
        assertThat(heap.top()).isEqualTo(3); // the same connection, listed before item 1
        heap.remove(3);
        assertThat(heap.top()).isEqualTo(1);
        conn[0] = 5;
        heap.raised(0);
        assertThat(heap.top()).isEqualTo(0);
    }
}
