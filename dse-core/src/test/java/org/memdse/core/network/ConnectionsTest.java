package org.memdse.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionsTest {
    private static long enumerated(Projection p, Shape pre, Shape post) {
        long[] n = {0};
        Connections.forEach(p, pre, post, (i, j) -> n[0]++);
        return n[0];
    }

    private static Set<Long> pairs(Projection p, Shape pre, Shape post) {
        Set<Long> s = new HashSet<>();
        Connections.forEach(p, pre, post, (i, j) -> s.add((long) i << 32 | j));
        return s;
    }

    @Test
    void denseOneToOneAndAllButSelfCountWhatTheyEnumerate() {
        Shape pre = Shape.of(30);
        Projection dense = Projection.dense("d", 7, 8, LearningRule.NONE);
        assertThat(Connections.count(dense, pre, Shape.of(7))).isEqualTo(210).isEqualTo(enumerated(dense, pre, Shape.of(7)));
        Projection one = Projection.oneToOne("o", 1);
        assertThat(Connections.count(one, pre, pre)).isEqualTo(30).isEqualTo(enumerated(one, pre, pre));
        Projection abs = Projection.allButSelf("a", 1, LearningRule.NONE);
        assertThat(Connections.count(abs, pre, pre)).isEqualTo(30 * 29).isEqualTo(enumerated(abs, pre, pre));
        assertThat(pairs(abs, pre, pre)).doesNotContain(5L << 32 | 5).contains(5L << 32 | 6);
        assertThat(Connections.fanIn(abs, pre, pre)).containsOnly(29);
    }

    @Test
    void randomPairsFollowTheSeedAndTheProbability() {
        Shape pre = Shape.of(200);
        Shape post = Shape.of(150);
        Projection a = Projection.random("r", 150, 0.1, 7, 8, LearningRule.NONE);
        Projection b = Projection.random("r", 150, 0.1, 8, 8, LearningRule.NONE);
        assertThat(pairs(a, pre, post)).isEqualTo(pairs(a, pre, post)).isNotEqualTo(pairs(b, pre, post));
        long n = Connections.count(a, pre, post);
        assertThat(n).isEqualTo(enumerated(a, pre, post));
        // 30,000 pairs at p = 0.1: 3,000 expected, sd ~52.
        assertThat(n).isBetween(2800L, 3200L);
        Projection dense = Projection.random("r", 150, 0.5, 1, 8, LearningRule.NONE);
        assertThat(Connections.count(dense, pre, post)).isBetween(14_700L, 15_300L);
    }

    @Test
    void convWindowsSkipThePaddingAndStayInTheirGroup() {
        // 2 channels of 4x4, 3x3 kernel, padding 1: corner outputs see 4 taps, edges 6, inside 9.
        Shape pre = Shape.of(2, 4, 4);
        Projection p = Projection.conv("c", 2, ConvGeometry.of(3, 1, 1), 8, LearningRule.NONE);
        Shape post = Shape.of(2, 4, 4);
        long perChannelMap = 4 * 4 + 8 * 6 + 4 * 9; // 100 taps inside one 4x4 map
        assertThat(Connections.count(p, pre, post)).isEqualTo(2 * 2 * perChannelMap).isEqualTo(enumerated(p, pre, post));
        int[] fanIn = Connections.fanIn(p, pre, post);
        assertThat(fanIn[0]).isEqualTo(2 * 4);      // output (0, 0, 0): a corner, both input channels
        assertThat(fanIn[5]).isEqualTo(2 * 9);      // output (0, 1, 1): inside

        // Depthwise pooling, stride 2, groups 2: output channel 1 sees only input channel 1's 2x2 window.
        Projection pool = Projection.conv("p", 2, ConvGeometry.of(2, 2, 0).withGroups(2), 1, LearningRule.NONE);
        Shape pooled = Shape.of(2, 2, 2);
        List<Integer> into = new ArrayList<>();
        Connections.forEach(pool, pre, pooled, (i, j) -> {
            if (j == 4 + 3) { // channel 1, (1, 1)
                into.add(i);
            }
        });
        assertThat(into).containsExactlyInAnyOrder(16 + 10, 16 + 11, 16 + 14, 16 + 15);
        assertThat(Connections.count(pool, pre, pooled)).isEqualTo(32).isEqualTo(enumerated(pool, pre, pooled));
    }

    @Test
    void aListMakesExactlyItsPairs() {
        SynapseList list = new SynapseList("l.txt", 3, new int[] {0, 4, 4}, new int[] {2, 0, 1}, new int[] {1, 2, 3});
        Projection p = Projection.fromList("f", list, 4, LearningRule.NONE);
        assertThat(pairs(p, Shape.of(5), Shape.of(3))).containsExactlyInAnyOrder(2L, 4L << 32, 4L << 32 | 1);
        assertThat(Connections.count(p, Shape.of(5), Shape.of(3))).isEqualTo(3);
        assertThat(list.firstPreAtOrAbove(4)).isEqualTo(1);
        assertThat(list.firstPreAtOrAbove(5)).isEqualTo(-1);
    }
}
