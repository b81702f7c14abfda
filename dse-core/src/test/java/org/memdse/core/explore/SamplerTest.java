package org.memdse.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.memdse.core.spec.SourcePosition;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

class SamplerTest {
    static Parameter parameter(String path, int size) {
        List<ParameterValue> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(new ParameterValue(Integer.toString(i), new ScalarNode(Tag.STR, Integer.toString(i), null, null,
                    DumperOptions.ScalarStyle.PLAIN)));
        }
        return new Parameter(path, List.of(), values, SourcePosition.ofFile("t"), List.of());
    }

    private static final List<Parameter> THREE = List.of(parameter("a", 3), parameter("b", 4), parameter("c", 2));

    @Test
    void gridVisitsEveryCombinationOnceLastParameterFastest() {
        GridSampler grid = new GridSampler(THREE);
        assertThat(grid.size()).isEqualTo(24);
        Set<List<Integer>> seen = new HashSet<>();
        for (long i = 0; i < grid.size(); i++) {
            DesignPoint p = grid.point(i);
            assertThat(p.id()).isEqualTo(i);
            seen.add(List.of(p.choice(0), p.choice(1), p.choice(2)));
        }
        assertThat(seen).hasSize(24);
        assertThat(grid.point(0).choices()).containsExactly(0, 0, 0);
        assertThat(grid.point(1).choices()).containsExactly(0, 0, 1);
        assertThat(grid.point(2).choices()).containsExactly(0, 1, 0);
        assertThat(grid.point(23).choices()).containsExactly(2, 3, 1);
    }

    @Test
    void gridIsLazyEvenWhenHuge() {
        List<Parameter> big = List.of(parameter("a", 100_000), parameter("b", 100_000), parameter("c", 100_000));
        GridSampler grid = new GridSampler(big);
        assertThat(grid.size()).isEqualTo(1_000_000_000_000_000L);
        assertThat(grid.point(grid.size() - 1).choices()).containsExactly(99_999, 99_999, 99_999);
    }

    @Test
    void randomIsReproducibleByIndexInRangeAndCoversTheValues() {
        RandomSampler a = new RandomSampler(THREE, 2000, 7);
        RandomSampler b = new RandomSampler(THREE, 2000, 7);
        int[][] counts = new int[3][4];
        for (long i = 1999; i >= 0; i--) { // any order gives the same points
            DesignPoint p = a.point(i);
            assertThat(p).isEqualTo(b.point(i));
            for (int k = 0; k < 3; k++) {
                assertThat(p.choice(k)).isBetween(0, THREE.get(k).size() - 1);
                counts[k][p.choice(k)]++;
            }
        }
        // Uniform: each of b's 4 values about 500 times.
        for (int v = 0; v < 4; v++) {
            assertThat(counts[1][v]).isBetween(400, 600);
        }
        assertThat(new RandomSampler(THREE, 2000, 8).point(5)).isNotEqualTo(a.point(5));
    }

    @Test
    void latinHypercubeUsesEveryStratumOncePerParameterAndEveryValueEquallyOften() {
        int n = 12; // a multiple of every size: each value exactly n / size times
        LatinHypercubeSampler lhs = new LatinHypercubeSampler(THREE, n, 3);
        for (int p = 0; p < 3; p++) {
            Set<Long> strata = new HashSet<>();
            int[] counts = new int[THREE.get(p).size()];
            for (int i = 0; i < n; i++) {
                strata.add(lhs.stratum(p, i));
                counts[lhs.point(i).choice(p)]++;
            }
            assertThat(strata).hasSize(n);
            for (int c : counts) {
                assertThat(c).isEqualTo(n / THREE.get(p).size());
            }
        }
        assertThat(new LatinHypercubeSampler(THREE, n, 3).point(4)).isEqualTo(lhs.point(4));
    }
}
