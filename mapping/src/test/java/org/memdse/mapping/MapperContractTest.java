package org.memdse.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.Conv2d;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NodeKind;
import org.memdse.core.network.WeightMatrix;
import org.memdse.mapping.objective.Flow;
import org.memdse.mapping.partition.CrossbarGeometry;
import org.memdse.mapping.topology.Capacity;
import org.memdse.mapping.topology.Link;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * What every {@link Mapper} must do, over seeded random networks and architectures
 * ({@link RandomCases}): every weight on exactly one crossbar cell range, no capacity exceeded,
 * every edge with traffic routed (and routes as long as the hop table says), the lower bound
 * never above the objective, and the same seed giving the same mapping. A DoesNotFit must say
 * why. Subclass it for a new mapper; override {@link #options(long)} for a step-limited solve or
 * for weight replication (then every copy of a layer holds each of its weights exactly once).
 * A failure names the seed (rebuild the case with {@code RandomCases.network(seed)}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MapperContractTest {

    protected abstract Mapper mapper();

    /** Options for one case; the default is the seed with the default limits. */
    protected MapperOptions options(long seed) {
        return MapperOptions.DEFAULT.withSeed(seed);
    }

    /** How many seeded cases to run. */
    protected int cases() {
        return 40;
    }

    Stream<Long> seeds() {
        return LongStream.range(0, cases()).boxed();
    }

    private MappingOutcome map(long seed) {
        return mapper().map(RandomCases.architecture(seed), RandomCases.network(seed), options(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyWeightIsOnExactlyOneCrossbarCellRange(long seed) {
        if (!(map(seed) instanceof MappingOutcome.Mapped m)) {
            return;
        }
        NetworkGraph net = RandomCases.network(seed);
        Architecture arch = RandomCases.architecture(seed);
        CrossbarGeometry g = NetworkTopology.referenceCrossbar(arch).orElseThrow();
        Map<String, BitSet> covered = new HashMap<>();
        for (MappingUnit u : m.mapping().units()) {
            if (u instanceof CrossbarBlock b) {
                WeightMatrix w = net.stats(b.node()).weights().orElseThrow();
                int groups = groupsOf(net.node(b.node()).orElseThrow());
                int groupCols = w.cols() / groups;
                assertThat(b.crossbarRows()).as("seed %d, %s rows", seed, b).isLessThanOrEqualTo(g.rows());
                assertThat(b.crossbarCols()).as("seed %d, %s cols", seed, b).isLessThanOrEqualTo(g.usableCols());
                // Each copy of a layer (replica) holds all of its weights once.
                BitSet bits = covered.computeIfAbsent(b.node() + "#" + b.replica(), k -> new BitSet());
                for (int gr = b.firstGroup(); gr < b.firstGroup() + b.groups(); gr++) {
                    for (int r = b.firstRow(); r < b.firstRow() + b.rows(); r++) {
                        for (int c = b.firstCol(); c < b.firstCol() + b.cols(); c++) {
                            int cell = (gr * w.rows() + r) * groupCols + c;
                            assertThat(bits.get(cell)).as("seed %d: %s weight (%d,%d,%d) twice", seed, b.node(), gr, r, c)
                                    .isFalse();
                            bits.set(cell);
                        }
                    }
                }
            }
        }
        for (NetworkNode n : net.nodes()) {
            if (n.kind().domain() == NodeKind.Domain.ANN && net.stats(n).weights().isPresent()) {
                WeightMatrix w = net.stats(n).weights().get();
                int copies = (int) m.mapping().units().stream()
                        .filter(u -> u instanceof CrossbarBlock b && b.node().equals(n.name()))
                        .mapToInt(u -> ((CrossbarBlock) u).replica() + 1).max().orElse(1);
                for (int replica = 0; replica < copies; replica++) {
                    assertThat(covered.getOrDefault(n.name() + "#" + replica, new BitSet()).cardinality())
                            .as("seed %d: weights of %s copy %d covered", seed, n.name(), replica)
                            .isEqualTo((int) w.weights());
                }
            }
        }
    }

    private static int groupsOf(NetworkNode n) {
        return n instanceof Conv2d c ? c.geometry().groups() : 1;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noCapacityIsExceeded(long seed) {
        if (!(map(seed) instanceof MappingOutcome.Mapped m)) {
            return;
        }
        Mapping mapping = m.mapping();
        NetworkTopology t = NetworkTopology.of(RandomCases.architecture(seed));
        int[] blocks = new int[t.endpointCount()];
        int[] neurons = new int[t.endpointCount()];
        int[] rows = new int[t.endpointCount()];
        assertThat(mapping.placements()).hasSameSizeAs(mapping.units());
        for (MappingUnit u : mapping.units()) {
            int e = mapping.placements().get(u.id()).endpoint();
            assertThat(t.endpoint(e).resource()).as("seed %d: unit %s", seed, u).isEqualTo(u.resource());
            if (u instanceof CrossbarBlock) {
                blocks[e]++;
            } else if (u instanceof CoreGroup cg) {
                neurons[e] += cg.neurons();
                rows[e] += cg.fanIn();
            }
        }
        for (int e = 0; e < t.endpointCount(); e++) {
            Capacity c = t.capacity(e);
            assertThat(blocks[e]).as("seed %d: crossbars on %s", seed, t.endpoint(e)).isLessThanOrEqualTo(c.crossbars());
            assertThat(neurons[e]).as("seed %d: neurons on %s", seed, t.endpoint(e)).isLessThanOrEqualTo(c.neurons());
            assertThat(rows[e]).as("seed %d: synapse rows on %s", seed, t.endpoint(e)).isLessThanOrEqualTo(c.synapseRows());
        }
        assertThat(mapping.report().feasible()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyEdgeWithTrafficHasARoute(long seed) {
        if (!(map(seed) instanceof MappingOutcome.Mapped m)) {
            return;
        }
        Architecture arch = RandomCases.architecture(seed);
        MappingProblem problem = ((MappingProblem.Ready) MappingProblem.prepare(arch, RandomCases.network(seed), options(seed)))
                .problem();
        NetworkTopology t = problem.topology();
        Map<Integer, Double> routed = new HashMap<>();
        double trafficHops = 0;
        for (Route r : m.mapping().routes()) {
            routed.merge(r.edge(), r.bitsPerInference(), Double::sum);
            assertThat(r.hops()).as("seed %d: %s", seed, r).isEqualTo(t.hops(r.fromEndpoint(), r.toEndpoint()));
            int at = t.router(r.fromEndpoint());
            for (int id : r.links()) {
                Link l = t.links().get(id);
                assertThat(l.from()).as("seed %d: route %s is not a path", seed, r).isEqualTo(at);
                at = l.to();
            }
            if (!r.links().isEmpty()) {
                assertThat(at).as("seed %d: route %s ends elsewhere", seed, r).isEqualTo(t.router(r.toEndpoint()));
            }
            trafficHops += r.bitsPerInference() * r.hops();
        }
        Map<Integer, Double> expected = new HashMap<>();
        for (Flow f : problem.traffic().flows()) {
            expected.merge(f.edge(), f.bits(), Double::sum);
        }
        assertThat(routed.keySet()).as("seed %d: routed edges", seed).isEqualTo(expected.keySet());
        for (var e : expected.entrySet()) {
            assertThat(routed.get(e.getKey())).as("seed %d: bits of edge %d", seed, e.getKey())
                    .isCloseTo(e.getValue(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
        assertThat(trafficHops).as("seed %d: routes vs objective", seed)
                .isCloseTo(m.mapping().report().objective().trafficHops(), org.assertj.core.data.Offset.offset(
                        1e-6 * Math.max(1, trafficHops)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lowerBoundIsNeverAboveTheObjective(long seed) {
        if (!(map(seed) instanceof MappingOutcome.Mapped m)) {
            return;
        }
        var r = m.mapping().report();
        assertThat(r.lowerBound().trafficHops()).as("seed %d", seed).isLessThanOrEqualTo(r.objective().trafficHops() + 1e-6);
        assertThat(r.lowerBound().tilesUsed()).as("seed %d", seed).isLessThanOrEqualTo(r.objective().tilesUsed());
        assertThat(r.lowerBound().coresUsed()).as("seed %d", seed).isLessThanOrEqualTo(r.objective().coresUsed());
        assertThat(r.lowerBound().crossbarsUsed()).as("seed %d", seed).isEqualTo(r.objective().crossbarsUsed());
        if (!Double.isNaN(r.baseline().trafficHops())) {
            assertThat(r.lowerBound().trafficHops()).as("seed %d", seed).isLessThanOrEqualTo(r.baseline().trafficHops() + 1e-6);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameSeedGivesTheSameMapping(long seed) {
        MappingOutcome a = map(seed);
        MappingOutcome b = map(seed);
        if (a instanceof MappingOutcome.Mapped ma) {
            assertThat(b).isInstanceOf(MappingOutcome.Mapped.class);
            Mapping x = ma.mapping();
            Mapping y = ((MappingOutcome.Mapped) b).mapping();
            assertThat(y.placements()).as("seed %d", seed).isEqualTo(x.placements());
            assertThat(y.routes()).as("seed %d", seed).isEqualTo(x.routes());
            assertThat(y.linkLoads()).as("seed %d", seed).isEqualTo(x.linkLoads());
            assertThat(y.report().objective()).as("seed %d", seed).isEqualTo(x.report().objective());
        } else {
            assertThat(b).as("seed %d", seed).isEqualTo(a);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aNetworkThatDoesNotFitSaysWhy(long seed) {
        if (map(seed) instanceof MappingOutcome.DoesNotFit d) {
            assertThat(d.reason()).as("seed %d", seed).isNotBlank();
            boolean shortOfSomething = d.needed().entrySet().stream()
                    .anyMatch(e -> e.getValue() > d.available().getOrDefault(e.getKey(), 0L));
            assertThat(shortOfSomething || d.reason().contains(":")).as("seed %d: %s", seed, d.reason()).isTrue();
        }
    }

    /** At least some cases must map, or the properties above test nothing. */
    @org.junit.jupiter.api.Test
    void mostCasesMap() {
        long mapped = seeds().filter(s -> map(s) instanceof MappingOutcome.Mapped).count();
        assertThat(mapped).as("cases that map out of %d", cases()).isGreaterThanOrEqualTo(cases() / 2);
    }

}
