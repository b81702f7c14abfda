package org.memdse.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {
    /** Every point of the sweep is in exactly one shard, in order, whatever the counts. */
    @ParameterizedTest(name = "{0} points in {1} shards")
    @CsvSource({"0, 1", "1, 1", "7, 1", "7, 3", "12, 4", "13, 4", "3, 5", "100, 7"})
    void shardsCoverTheSweepOnceAndKeepPointIds(long total, int count) {
        Sampler whole = new StubSampler(total);
        List<Long> seen = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Shard shard = new Shard(i, count);
            ShardSampler part = new ShardSampler(whole, shard);
            assertThat(part.size()).isEqualTo(shard.size(total));
            long previous = -1;
            for (long k = 0; k < part.size(); k++) {
                DesignPoint p = part.point(k);
                assertThat(p.id()).isEqualTo(part.pointId(k)).isGreaterThan(previous);
                assertThat(shard.contains(p.id())).isTrue();
                previous = p.id();
                seen.add(p.id());
            }
        }
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates().allMatch(id -> id >= 0 && id < total);
    }

    @ParameterizedTest
    @CsvSource({"1/4, 1, 4", "4/4, 4, 4", " 2 / 3 , 2, 3", "1/1, 1, 1"})
    void parsesIOfN(String text, int index, int count) {
        assertThat(Shard.parse(text)).isEqualTo(new Shard(index, count));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5/4", "0/0", "1/0", "0/4", "-1/4", "1/-4", "a/b", "1", "1/4/2", "", "1.5/4",
        "99999999999/1"})
    void refusesWhatIsNotAShard(String text) {
        assertThatThrownBy(() -> Shard.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @org.junit.jupiter.api.Test
    void messagesSayWhatIsExpected() {
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessage("'5/4': shard 5 of 4 does not exist; shards are "
                + "numbered 1 to 4 (1/4 ... 4/4)");
        assertThatThrownBy(() -> Shard.parse("0/0")).hasMessage("'0/0': a sweep cannot be cut into 0 shards; n must "
                + "be at least 1");
    }

    /** Points whose id is their index, no parameters. */
    private record StubSampler(long size) implements Sampler {
        @Override
        public String name() {
            return "stub";
        }

        @Override
        public DesignPoint point(long index) {
            return new DesignPoint(index, new int[0]);
        }
    }
}
