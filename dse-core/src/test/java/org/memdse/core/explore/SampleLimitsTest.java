package org.memdse.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Sample counts and grid sizes against what a sweep needs in memory: the Latin hypercube keeps
 * no per-sample strata (exact for every count), and a count or grid beyond
 * {@link SweepReader#MAX_ROWS} rows is an error at its line that gives the limit and why.
 */
class SampleLimitsTest {
    private static Parameter parameter(String path, int size) {
        List<ParameterValue> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(new ParameterValue("v" + i, new ScalarNode(Tag.STR, "v" + i, null, null,
                    DumperOptions.ScalarStyle.PLAIN)));
        }
        return new Parameter(path, List.of(), values, SourcePosition.ofFile("t"), List.of());
    }

    /** Every stratum exactly once per parameter, whatever the count and seed (checked exhaustively). */
    @Property(tries = 200, seed = "20261203")
    void latinHypercubeUsesEveryStratumExactlyOnce(@ForAll @IntRange(min = 1, max = 5_000) int samples,
                                                   @ForAll @IntRange(min = 1, max = 40) int values,
                                                   @ForAll @LongRange(min = 0, max = Integer.MAX_VALUE) long seed) {
        List<Parameter> params = List.of(parameter("a", values), parameter("b", 3));
        LatinHypercubeSampler lhs = new LatinHypercubeSampler(params, samples, seed);
        for (int p = 0; p < params.size(); p++) {
            BitSet used = new BitSet(samples);
            int[] counts = new int[params.get(p).size()];
            for (int i = 0; i < samples; i++) {
                long s = lhs.stratum(p, i);
                assertThat(s).isBetween(0L, samples - 1L);
                assertThat(used.get((int) s)).as("stratum %d used twice", s).isFalse();
                used.set((int) s);
                counts[lhs.point(i).choice(p)]++;
            }
            assertThat(used.cardinality()).isEqualTo(samples);
            // Stratified: a value spans samples/size strata, of which only the two at its ends are
            // shared with its neighbours, so it is drawn within two of its exact share.
            int size = params.get(p).size();
            for (int c : counts) {
                assertThat((double) c).isCloseTo((double) samples / size, org.assertj.core.data.Offset.offset(2.0));
            }
        }
    }

    @Test
    void aMillionSamplesAreExactAndTheLimitCostsNoMemory() {
        List<Parameter> params = List.of(parameter("a", 7), parameter("b", 100));
        int n = 1 << 20;
        LatinHypercubeSampler lhs = new LatinHypercubeSampler(params, n, 5);
        BitSet used = new BitSet(n);
        for (int i = 0; i < n; i++) {
            used.set((int) lhs.stratum(1, i));
        }
        assertThat(used.cardinality()).isEqualTo(n);
        // At the limit (and far beyond it) the sampler is built at once and holds no strata:
        // before, 2^29 samples allocated 2 GB per parameter here.
        long before = usedHeap();
        LatinHypercubeSampler huge = new LatinHypercubeSampler(params, SweepReader.MAX_ROWS, 5);
        LatinHypercubeSampler absurd = new LatinHypercubeSampler(params, 1L << 50, 5);
        assertThat(usedHeap() - before).isLessThan(16L << 20);
        assertThat(huge.point(SweepReader.MAX_ROWS - 1).id()).isEqualTo(SweepReader.MAX_ROWS - 1);
        assertThat(absurd.stratum(0, (1L << 50) - 1)).isBetween(0L, (1L << 50) - 1);
        assertThat(new LatinHypercubeSampler(params, n, 5).point(12345)).isEqualTo(lhs.point(12345));
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static SweepPlan read(String networks, String sampling, String parameters) {
        return SweepReader.read(SpecSource.ofText("s.yaml", "name: t\narchitecture: mini\nnetworks: " + networks + "\n"
                + sampling + "parameters:\n" + parameters));
    }

    private static final String SMALL = "  - {path: a, values: [1, 2]}\n";
    private static final String HUGE_GRID = "  - {path: a, range: {from: 1, to: 100000, step: 1}}\n"
            + "  - {path: b, range: {from: 1, to: 100000, step: 1}}\n";

    @Test
    void variantsMultiplyTheRowsToo() {
        String variants = "variants:\n  - {name: x}\n  - {name: y}\n  - {name: z}\n  - {name: w}\n";
        assertThatThrownBy(() -> read("n1", "sampling: {strategy: latin-hypercube, samples: 134217729, seed: 1}\n"
                + variants, SMALL)).isInstanceOf(SpecException.class)
                .hasMessageContaining("s.yaml:4:48: error: sampling.samples: expected at most 134,217,728 samples")
                .hasMessageContaining("134,217,729 point(s) x 4 variant(s) x 1 network(s) is more than the 536,870,912");
        SweepPlan plan = read("n1", "sampling: {strategy: latin-hypercube, samples: 134217728, seed: 1}\n" + variants,
                SMALL);
        assertThat(plan.sampler().size()).isEqualTo(SweepReader.MAX_ROWS);
    }

    /** Each strategy and count, over the limit or not: an error at the right line giving the limit and why. */
    @ParameterizedTest(name = "{0} {1} x {2} networks -> {3}")
    @CsvSource(delimiter = '|', value = {
        "latin-hypercube | 2000000000 | 1 | 4:48",
        "latin-hypercube | 536870913  | 1 | 4:48",
        "latin-hypercube | 268435457  | 2 | 4:48",
        "random          | 9223372036854775807 | 1 | 4:39",
        "random          | 99999999999999999999 | 1 | 4:39",
        "latin-hypercube | 536870912  | 1 | ok",
        "random          | 268435456  | 2 | ok",
        "latin-hypercube | 0          | 1 | 4:48",
        "random          | -5         | 1 | 4:39",
        "grid            | huge       | 1 | 4:11",
        "grid            | huge       | 3 | 4:11",
        "none            | huge       | 1 | 5:3",
    })
    void countsAndGridsBeyondTheLimitAreErrorsAtTheirLine(String strategy, String samples, int networks,
                                                          String expected) {
        String nets = networks == 1 ? "n1" : "[" + String.join(", ", java.util.stream.IntStream.rangeClosed(1, networks)
                .mapToObj(i -> "n" + i).toList()) + "]";
        String sampling = switch (strategy) {
            case "none" -> "";
            case "grid" -> "sampling: {strategy: grid}\n";
            default -> "sampling: {strategy: " + strategy + ", samples: " + samples + ", seed: 1}\n";
        };
        String params = samples.equals("huge") ? HUGE_GRID : SMALL;
        if (expected.equals("ok")) {
            SweepPlan plan = read(nets, sampling, params);
            assertThat(plan.sampler().size() * networks).isLessThanOrEqualTo(SweepReader.MAX_ROWS);
            assertThat(plan.sampler().point(plan.sampler().size() - 1).choice(0)).isBetween(0, 1);
            return;
        }
        assertThatThrownBy(() -> read(nets, sampling, params)).isInstanceOf(SpecException.class).satisfies(e -> {
            List<String> lines = ((SpecException) e).diagnostics().stream().map(Object::toString).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("s.yaml:" + expected + ": error: ");
            long value = samples.matches("-?[0-9]{1,18}") ? Long.parseLong(samples) : Long.MAX_VALUE;
            if (value > 0) {
                assertThat(lines.get(0)).contains("536,870,912 rows a sweep may have", "one bit per row", "results CSV would take",
                        networks + " network(s)");
            }
        });
    }
}
