package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
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
import org.memdse.core.network.ActivationFunction;
import org.memdse.core.network.InputNode;
import org.memdse.core.network.Linear;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.Shape;
import org.memdse.core.spec.SpecSource;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * Two crossbar layers worked out by hand: pipelining, a row-split layer's digital accumulation,
 * static energy over the latency, the ADC precision each layer would need, and analog transfer
 * between the layers. Published figures fix every per-action cost.
 */
class SystemEvaluatorTwoLayerTest {

    /** in(8) -> fc1 (8 -> 2, split over two 4-row blocks on tile 0) -> fc2 (2 -> 2 on tile 1); 2-bit data. */
    private static Metrics evaluate(boolean analogTransfer) {
        return evaluate(analogTransfer, "", 0.5);
    }

    /** {@code extraSubsystem}: a line added under subsystems:, or ""; {@code density}: the input bits' share of 1s. */
    private static Metrics evaluate(boolean analogTransfer, String extraSubsystem, double density) {
        String yaml = TinyChip.yaml("tiny2", analogTransfer ? "analog_transfer: true" : "", "1 mW",
                "{kind: accumulator, count: 1, energy: 0.3 pJ, latency: 1 ns, area: 5 um^2, leakage_power: 0 W}")
                .replace("  cim: {template: t, count: 2}\n", "  cim: {template: t, count: 2}\n" + extraSubsystem);
        Architecture a = ArchitectureReader.read(SpecSource.ofText("tiny2.yaml", yaml));
        NetworkGraph g = NetworkGraph.builder("mlp").precision(2, 2).inputBitDensity(density)
                .add(new InputNode("in", Shape.of(8)))
                .add(new Linear("fc1", 8, 2, false, false, ActivationFunction.IDENTITY), "in")
                .add(new Linear("fc2", 2, 2, false, false, ActivationFunction.IDENTITY), "fc1")
                .build();
        List<Endpoint> endpoints = List.of(new Endpoint(0, "cim", 0, ResourceKind.CIM_TILE, 0),
                new Endpoint(1, "cim", 1, ResourceKind.CIM_TILE, 1));
        List<org.memdse.core.mapping.MappingUnit> blocks = List.of(
                new CrossbarBlock(0, "fc1", 0, 0, 0, 0, 4, 0, 2, 0, 1, 1),
                new CrossbarBlock(1, "fc1", 0, 1, 0, 4, 4, 0, 2, 0, 1, 1),
                new CrossbarBlock(2, "fc2", 0, 0, 0, 0, 2, 0, 2, 0, 1, 1));
        MappingObjectives none = new MappingObjectives(1, 1, 0, 8, 1);
        Mapping m = new Mapping("tiny2", "mlp", blocks, endpoints,
                List.of(new Placement(0, 0), new Placement(1, 0), new Placement(2, 1)), List.of(), List.of(),
                new MappingReport("hand", none, none, none, 0, true));
        return new SystemEvaluator(ComponentModelRegistry.load()).evaluate(a, g, m, OpConvention.INT8);
    }

    private static final Metrics DIGITAL = evaluate(false);
    private static final Metrics ANALOG = evaluate(true);
    private static final Metrics SPARSE = evaluate(false, "", 0.125);
    private static final Metrics GLOBAL = evaluate(false, "  gb: {kind: global-buffer, memory: sram, capacity: 1 KiB, "
            + "width: 8 bit, banks: 2, energy: 0.4 pJ, latency: 1 ns, area: 50 um^2, leakage_power: 0 W}\n", 0.5);

    @Test
    void layerByLayerAddsTheLayersAndThePipelineRunsAtTheSlowest() {
        // each layer: 1 vector x 2 bit-serial cycles x max(10 ns, 2 columns x 1 ns) = 20 ns, plus (a rule
        // added on purpose) its buffer time: fc1 reads 8 x 2 = 16 bits and writes 2 x 2 = 4 bits through
        // its one tile's 32-bit buffer, 1 + 1 accesses of 1 ns; fc2 the same: 22 ns each (no routes here)
        assertThat(DIGITAL.latencyByLayer().get("fc1")).isCloseTo(22e-9, withinPercentage(1e-6));
        assertThat(DIGITAL.latencyByLayer().get("fc2")).isCloseTo(22e-9, withinPercentage(1e-6));
        assertThat(DIGITAL.latencyS()).isCloseTo(44e-9, withinPercentage(1e-6));
        assertThat(DIGITAL.pipelineIntervalS()).isCloseTo(22e-9, withinPercentage(1e-6));
        assertThat(DIGITAL.throughputPerSecond()).isCloseTo(1 / 22e-9, withinPercentage(1e-6));
    }

    @Test
    void aRowSplitLayerAddsItsPartialSumsDigitally() {
        // fc1: 2 outputs x (2 row blocks - 1) = 2 accumulations x 0.3 pJ
        assertThat(DIGITAL.energyByKind().get("digital")).isCloseTo(0.6e-12, withinPercentage(1e-6));
        // conversions: fc1 2 cycles x (2 + 2) columns + fc2 2 cycles x 2 columns = 12 x 1 pJ
        assertThat(DIGITAL.energyByKind().get("adc")).isCloseTo(12e-12, withinPercentage(1e-6));
    }

    @Test
    void staticEnergyIsTheLeakageOverTheLatency() {
        // 2 tile buffers x 1 mW x 44 ns = 88 pJ
        assertThat(DIGITAL.leakagePowerW()).isCloseTo(2e-3, withinPercentage(1e-6));
        assertThat(DIGITAL.energyByKind().get("static")).isCloseTo(88e-12, withinPercentage(1e-6));
    }

    @Test
    void theEvaluatorSaysWhatAdcPrecisionEachLayerWouldNeed() {
        // fc1: 4 rows x 3 (2-bit cell) x 1 (1-bit input) = 12 -> ceil(log2 13) = 4 bits
        // fc2: 2 rows x 3 x 1 = 6 -> ceil(log2 7) = 3 bits; the 4-bit ADC suffices for both
        assertThat(DIGITAL.adcBitsNeededByLayer().get("fc1")).isEqualTo(4);
        assertThat(DIGITAL.adcBitsNeededByLayer().get("fc2")).isEqualTo(3);
    }

    @Test
    void analogTransferSkipsTheAdcAndDacBetweenTheLayers() {
        // fc1 keeps its outputs analog: no conversion; fc2 reads them in one analog read (no DAC), 2 conversions
        assertThat(ANALOG.energyByKind().get("adc")).isCloseTo(2e-12, withinPercentage(1e-6));
        // DACs only for fc1: 2 cycles x 8 rows x 0.5 x 0.1 pJ = 0.8 pJ (digital: + fc2's 0.2 pJ)
        assertThat(ANALOG.energyByKind().get("dac")).isCloseTo(0.8e-12, withinPercentage(1e-6));
        assertThat(DIGITAL.energyByKind().get("dac")).isCloseTo(1.0e-12, withinPercentage(1e-6));
        // the analog activation and hold: fc1 2 cycles x 4 columns + 2 outputs = 10, fc2 2 samples: 12 x 0.01 pJ
        assertThat(ANALOG.energyByKind().get("sample_hold")).isCloseTo(0.12e-12, withinPercentage(1e-6));
        // no digital accumulation of fc1's row blocks: their currents add on the held output
        assertThat(ANALOG.energyByKind().get("digital")).isZero();
        // fc1 2 cycles x 10 ns (no ADC in the cycle), fc2 one 10 ns read; buffer: fc1 reads its input
        // (1 access, no write: its output stays analog), fc2 writes its output (1 access, no read): + 2 ns
        assertThat(ANALOG.latencyS()).isCloseTo(32e-9, withinPercentage(1e-6));
        assertThat(ANALOG.adcBitsNeededByLayer().get("fc2")).isEqualTo(5); // 2 rows x 3 x 3 (2-bit analog input) = 18 -> 5 bits
    }

    @Test
    void aGlobalBufferFeedsEveryCrossbarLayerAndTakesItsOutputs() {
        // 8-bit lines, 2 banks: 16 bits per access. fc1 reads its 8 x 2 = 16 input bits (2 lines, 1 access)
        // and writes 2 x 2 = 4 bits (1 line, 1 access); fc2 reads 4 bits and writes 4 bits (1 line, 1 access each)
        assertThat(GLOBAL.latencyByLayer().get("fc1")).isCloseTo(22e-9 + 2e-9, withinPercentage(1e-6));
        assertThat(GLOBAL.latencyByLayer().get("fc2")).isCloseTo(22e-9 + 2e-9, withinPercentage(1e-6));
        // 5 lines x 0.4 pJ on top of the tile buffers' accesses
        assertThat(GLOBAL.energyByKind().get("buffer") - DIGITAL.energyByKind().get("buffer"))
                .isCloseTo(2.0e-12, withinPercentage(1e-6));
        assertThat(GLOBAL.areaByKind().get("buffer") - DIGITAL.areaByKind().get("buffer")).isCloseTo(50e-12,
                withinPercentage(1e-6));
        // the buffer and its bus to the tiles, whose wires carry the same 28 bits, 16 bits per transfer
        assertThat(GLOBAL.areaBySubsystem().get("gb")).isCloseTo(50e-12 + GLOBAL.areaByKind().get("global_bus"),
                withinPercentage(1e-6));
        assertThat(GLOBAL.areaByKind().get("global_bus")).isPositive();
        assertThat(GLOBAL.energyByKind().get("global_bus")).isPositive();
        assertThat(DIGITAL.energyByKind().get("global_bus")).isZero();
        // at full rate: 2 banks x 0.4 pJ per 1 ns access = 0.8 mW on top of the chip's peak power
        assertThat(GLOBAL.peak().powerByKind().get("buffer") - DIGITAL.peak().powerByKind().get("buffer"))
                .isCloseTo(0.8e-3, withinPercentage(1e-6));
    }

    @Test
    void rowsAreDrivenAndReadOnlyForTheInputBitsThatAreOne() {
        // a share of 1-bits of 1/8 instead of 1/2: DACs 2 cycles x (8 + 2) rows x 1/8 x 0.1 pJ = 0.25 pJ (1.0 pJ at 1/2)
        assertThat(SPARSE.energyByKind().get("dac")).isCloseTo(0.25e-12, withinPercentage(1e-6));
        // the arrays' reads scale alike; conversions, shift-adds and buffers do not depend on the data
        assertThat(SPARSE.energyByKind().get("crossbar")).isCloseTo(DIGITAL.energyByKind().get("crossbar") / 4,
                withinPercentage(1e-6));
        assertThat(SPARSE.energyByKind().get("adc")).isEqualTo(DIGITAL.energyByKind().get("adc"));
        assertThat(SPARSE.latencyS()).isEqualTo(DIGITAL.latencyS());
    }
}
