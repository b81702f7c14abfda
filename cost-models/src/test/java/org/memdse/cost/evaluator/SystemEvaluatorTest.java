package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingObjectives;
import org.memdse.core.mapping.MappingReport;
import org.memdse.core.mapping.Placement;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.ActivationFunction;
import org.memdse.core.network.InputNode;
import org.memdse.core.network.Linear;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.Shape;
import org.memdse.core.network.TrafficEdge;
import org.memdse.core.spec.SpecSource;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * Every metric of a small network worked out by hand. Every component carries published
 * figures (and zero leakage), so the expected values follow from the counting rules alone.
 */
class SystemEvaluatorTest {
    /** Two tiles of one macro with two 4x4 arrays; figures per instance. */
    private static final String ACTIVATION_UNIT =
            "{kind: activation, count: 1, energy: 0.2 pJ, latency: 1 ns, area: 5 um^2, leakage_power: 0 W}";
    private static final String ARCH = TinyChip.yaml("tiny", "", "0 W", ACTIVATION_UNIT);

    private static Architecture architecture;
    private static NetworkGraph network;
    private static Metrics metrics;

    @BeforeAll
    static void evaluate() {
        architecture = ArchitectureReader.read(SpecSource.ofText("tiny.yaml", ARCH));
        // 2-bit weights on 2-bit cells (1 column per weight), 2-bit activations (2 bit-serial cycles).
        network = NetworkGraph.builder("fc").precision(2, 2)
                .add(new InputNode("in", Shape.of(4)))
                .add(new Linear("fc", 4, 2, false, false, ActivationFunction.IDENTITY), "in")
                .build();
        TrafficEdge edge = network.edges().get(0);
        List<Endpoint> endpoints = List.of(new Endpoint(0, "cim", 0, ResourceKind.CIM_TILE, 0),
                new Endpoint(1, "cim", 1, ResourceKind.CIM_TILE, 1));
        CrossbarBlock block = new CrossbarBlock(0, "fc", 0, 0, 0, 0, 4, 0, 2, 0, 1, 1);
        MappingObjectives none = new MappingObjectives(1, 1, 0, 8, 1);
        // The input arrives at tile 0 and the layer sits on tile 1: one hop for its 8 bits.
        Mapping mapping = new Mapping("tiny", "fc", List.of(block), endpoints, List.of(new Placement(0, 1)),
                List.of(new Route(edge.id(), 0, 1, edge.bitsPerInference(), List.of(0))), List.of(),
                new MappingReport("hand", none, none, none, 0, true));
        metrics = new SystemEvaluator(ComponentModelRegistry.load()).evaluate(architecture, network, mapping,
                OpConvention.INT8);
    }

    @Test
    void crossbarReadsAreScaledByTheCellsTheBlockUses() {
        // 2 cycles x (4 rows x 2 cols / 16 cells) x 0.5 input-bit activity x 2 pJ = 1 pJ
        assertThat(metrics.energyByKind().get("crossbar")).isCloseTo(1e-12, withinPercentage(1e-6));
    }

    @Test
    void everyUsedColumnIsConvertedSampledAndShiftAddedEachCycle() {
        // 2 cycles x 2 columns = 4 conversions x 1 pJ; x 0.01 pJ; x 0.05 pJ
        assertThat(metrics.energyByKind().get("adc")).isCloseTo(4e-12, withinPercentage(1e-6));
        assertThat(metrics.energyByKind().get("sample_hold")).isCloseTo(0.04e-12, withinPercentage(1e-6));
        assertThat(metrics.energyByKind().get("shift_add")).isCloseTo(0.2e-12, withinPercentage(1e-6));
    }

    @Test
    void aUsedRowIsDrivenWhenItsInputBitIsOne() {
        // 2 cycles x 4 rows x 0.5 activity x 0.1 pJ
        assertThat(metrics.energyByKind().get("dac")).isCloseTo(0.4e-12, withinPercentage(1e-6));
    }

    @Test
    void inputsAreReadFromAndOutputsWrittenToTheTileBuffer() {
        // ceil(4 x 2 bit / 32 bit) = 1 read, ceil(2 x 2 / 32) = 1 write, 0.5 pJ each
        assertThat(metrics.energyByKind().get("buffer")).isCloseTo(1e-12, withinPercentage(1e-6));
    }

    @Test
    void perWindowInputLoadingWritesEachWindowIntoTheTileBufferAndReadsItOut() {
        // input_loading: per-window: 1 vector x 4 rows x 2 bit = 8 bits, written (1 access) and read
        // (1 access) per window, plus the output write: 3 x 0.5 pJ
        Architecture perWindow = ArchitectureReader.read(SpecSource.ofText("tiny.yaml",
                TinyChip.yaml("tiny", "input_loading: per-window", "0 W", ACTIVATION_UNIT)));
        assertThat(perWindow.tileArrays().get(0).template()).isInstanceOfSatisfying(org.memdse.core.arch.CimTileTemplate.class,
                t -> assertThat(t.inputLoading()).isEqualTo(org.memdse.core.arch.InputLoading.PER_WINDOW));
        TrafficEdge edge = network.edges().get(0);
        List<Endpoint> endpoints = List.of(new Endpoint(0, "cim", 0, ResourceKind.CIM_TILE, 0),
                new Endpoint(1, "cim", 1, ResourceKind.CIM_TILE, 1));
        MappingObjectives none = new MappingObjectives(1, 1, 0, 8, 1);
        Mapping mapping = new Mapping("tiny", "fc", List.of(new CrossbarBlock(0, "fc", 0, 0, 0, 0, 4, 0, 2, 0, 1, 1)),
                endpoints, List.of(new Placement(0, 1)),
                List.of(new Route(edge.id(), 0, 1, edge.bitsPerInference(), List.of(0))), List.of(),
                new MappingReport("hand", none, none, none, 0, true));
        Metrics m = new SystemEvaluator(ComponentModelRegistry.load()).evaluate(perWindow, network, mapping, OpConvention.INT8);
        assertThat(m.energyByKind().get("buffer")).isCloseTo(1.5e-12, withinPercentage(1e-6));
    }

    @Test
    void aRouteOfOneHopCrossesTwoRoutersAndOneLink() {
        // 8 bits = 1 flit of 32 bits: 2 router traversals x 3 pJ, 1 link x 1 pJ
        assertThat(metrics.energyByKind().get("router")).isCloseTo(6e-12, withinPercentage(1e-6));
        assertThat(metrics.energyByKind().get("link")).isCloseTo(1e-12, withinPercentage(1e-6));
    }

    @Test
    void totalsAddUpAndStaticEnergyIsZeroWithoutLeakage() {
        // 1 + 4 + 0.4 + 0.04 + 0.2 + 1 (buffer) + 6 + 1 (network) pJ
        assertThat(metrics.energyJ()).isCloseTo(13.64e-12, withinPercentage(1e-6));
        assertThat(metrics.energyByKind().get("static")).isZero();
        assertThat(metrics.energyByLayer().get("fc")).isCloseTo(6.64e-12, withinPercentage(1e-6));
        assertThat(metrics.energyByLayer().total() + 7e-12).isCloseTo(metrics.energyJ(), withinPercentage(1e-6));
    }

    @Test
    void aCycleIsTheSlowerOfTheReadAndTheSharedAdc() {
        // compute: max(10 ns, 2 columns x 1 ns) x 2 cycles = 20 ns. Layer by layer (a rule added on
        // purpose): fc also reads its 8 input bits and writes its 4 output bits through its one tile's
        // 32-bit buffer, 1 + 1 accesses of 1 ns = 2 ns, so fc takes 22 ns; the input's 8 bits cross
        // one link (1 flit x 1 ns cycle) and one router hop (1 ns) before fc starts: 2 ns on "in".
        // Latency 24 ns; the slowest stage (fc, 22 ns) sets the pipeline interval.
        assertThat(metrics.latencyByLayer().get("fc")).isCloseTo(22e-9, withinPercentage(1e-6));
        assertThat(metrics.latencyByLayer().get("in")).isCloseTo(2e-9, withinPercentage(1e-6));
        assertThat(metrics.latencyS()).isCloseTo(24e-9, withinPercentage(1e-6));
        assertThat(metrics.pipelineIntervalS()).isCloseTo(22e-9, withinPercentage(1e-6));
        assertThat(metrics.throughputPerSecond()).isCloseTo(1 / 22e-9, withinPercentage(1e-6));
    }

    @Test
    void opsTopsPerWattAndEdpFollowFromTheCounts() {
        // 8 MACs = 16 ops; 16 ops / 13.64 pJ = 1.173 TOPS/W; EDP = 13.64 pJ x 24 ns; TOPS at the 22 ns interval
        assertThat(metrics.ops()).isEqualTo(16);
        assertThat(metrics.topsPerWatt()).isCloseTo(16 / 13.64e-12 / 1e12, withinPercentage(1e-6));
        assertThat(metrics.edp()).isCloseTo(13.64e-12 * 24e-9, withinPercentage(1e-6));
        assertThat(metrics.tops()).isCloseTo(16 / 22e-9 / 1e12, withinPercentage(1e-6));
    }

    @Test
    void areaIsTheSumOfEveryInstance() {
        // per tile: 2 arrays x 1 + 2 ADCs (4 cols / 2 per ADC, x 2 arrays = 4 ADCs!) ...
        // 2 tiles x [2 x 1 + 4 x 10 + 8 x 0.1 + 8 x 0.01 + 1 + 100 + 5] um^2 + 2 routers x 1000 um^2
        double tile = 2 * 1 + 4 * 10 + 8 * 0.1 + 8 * 0.01 + 1 + 100 + 5;
        assertThat(metrics.areaM2() * 1e12).isCloseTo(2 * tile + 2000, withinPercentage(1e-6));
        assertThat(metrics.areaByKind().get("adc") * 1e12).isCloseTo(80, withinPercentage(1e-6));
    }

    @Test
    void utilisationCountsCrossbarsHoldingBlocks() {
        // 1 block on 4 crossbars
        assertThat(metrics.crossbarUtilisation()).isCloseTo(0.25, withinPercentage(1e-6));
    }
}
