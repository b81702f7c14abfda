package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CircuitNoise;
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
import org.memdse.cost.accuracy.ErrorBudget;
import org.memdse.cost.accuracy.LayerArithmetic;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * The accuracy pass on the two-layer tiny chip (fc1: 8 inputs over two 4-row blocks; fc2: 2 -> 2):
 * each layer's own budget is the {@link ErrorBudget} of its arithmetic, fc2 carries fc1's noise
 * on, and the network's figure is its output layer's.
 */
class AccuracyPassTest {
    private static Metrics evaluate(String deviceKeys, String tileKeys) {
        return evaluate(deviceKeys, tileKeys, "");
    }

    /** {@code macroNoise}: the macro's nonidealities block, e.g. {@code {transfer_noise: 0.01}}, or "". */
    private static Metrics evaluate(String deviceKeys, String tileKeys, String macroNoise) {
        String yaml = TinyChip.yaml("tiny2", tileKeys, "0 W",
                "{kind: accumulator, count: 1, energy: 0.3 pJ, latency: 1 ns, area: 5 um^2, leakage_power: 0 W}")
                .replace("v_read: 0.2 V, t_read: 10 ns}", "v_read: 0.2 V, t_read: 10 ns" + deviceKeys + "}")
                .replace("      dac: {bits: 1,", (macroNoise.isEmpty() ? "" : "      nonidealities: " + macroNoise + "\n")
                        + "      dac: {bits: 1,");
        Architecture a = ArchitectureReader.read(SpecSource.ofText("tiny2.yaml", yaml));
        NetworkGraph g = NetworkGraph.builder("mlp").precision(2, 2)
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

    private static final String NOISY = ", nonidealities: {programming_error: 0.05, read_noise: 0.02, "
            + "stuck_at: {hrs: 0.001, lrs: 0.002}, wire_resistance: 1 Ohm}";

    @Test
    void eachLayerIsItsOwnBudgetPlusWhatItsInputsCarry() {
        Metrics x = evaluate(NOISY, "");
        org.memdse.core.arch.NonIdealities d = ArchitectureReader.read(SpecSource.ofText("t.yaml", TinyChip.yaml("t", "",
                "0 W", "{kind: activation, count: 1}").replace("v_read: 0.2 V, t_read: 10 ns}",
                "v_read: 0.2 V, t_read: 10 ns" + NOISY + "}"))).devices().get(0).nonIdealities();
        // fc1: 4 rows per block, 2 blocks, 2-bit weights and inputs, 1-bit cycles, 2-bit cells, unsigned, 4-bit ADC
        LayerArithmetic fc1 = new LayerArithmetic(4, 2, 2, 2, 1, false, 2, org.memdse.core.arch.SignedWeights.UNSIGNED, 4,
                2, false, 1e-4, 1e-5, d, CircuitNoise.IDEAL);
        LayerArithmetic fc2 = new LayerArithmetic(2, 1, 2, 2, 1, false, 2, org.memdse.core.arch.SignedWeights.UNSIGNED, 4,
                2, false, 1e-4, 1e-5, d, CircuitNoise.IDEAL);
        double own1 = 1 / ErrorBudget.combined(ErrorBudget.snr(fc1));
        double own2 = 1 / ErrorBudget.combined(ErrorBudget.snr(fc2));
        assertThat(x.snrDbByLayer().get("fc1")).isCloseTo(-10 * Math.log10(own1), within(1e-9));
        assertThat(x.snrDbByLayer().get("fc2")).isCloseTo(-10 * Math.log10(own1 + own2), within(1e-9));
        assertThat(x.snrDb()).isEqualTo(x.snrDbByLayer().get("fc2"));
        // The sources add up: 1/SNR = Σ 1/SNR_i.
        double inverse = x.snrDbBySource().parts().values().stream().mapToDouble(db -> Math.pow(10, -db / 10)).sum();
        assertThat(-10 * Math.log10(inverse)).isCloseTo(x.snrDb(), within(1e-9));
        assertThat(x.snrDbBySource().parts()).containsKeys("programming", "read_noise", "stuck_at", "ir_drop")
                .doesNotContainKeys("adc", "drift", "transfer");
    }

    @Test
    void moreProgrammingErrorLowersTheSnrAndIdealArithmeticHasNoError() {
        double low = evaluate(", nonidealities: {programming_error: 0.01}", "").snrDb();
        double high = evaluate(", nonidealities: {programming_error: 0.1}", "").snrDb();
        assertThat(high).isLessThan(low);
        Metrics ideal = evaluate(", nonidealities: {programming_error: 0, read_noise: 0, stuck_at: {hrs: 0, lrs: 0}, "
                + "wire_resistance: 0 Ohm}", "");
        assertThat(ideal.snrDb()).isEqualTo(Metrics.NO_ERROR_DB);
        assertThat(ideal.snrDbBySource().parts()).isEmpty();
    }

    @Test
    void anAnalogTransferReplacesTheAdcByItsOwnNoise() {
        String ideal = ", nonidealities: {programming_error: 0, read_noise: 0, stuck_at: {hrs: 0, lrs: 0}, "
                + "wire_resistance: 0 Ohm}";
        // Both layers' sums fit the 4-bit ADC (fc1 needs 4 bits, fc2 3): converting loses nothing.
        assertThat(evaluate(ideal, "").snrDb()).isEqualTo(Metrics.NO_ERROR_DB);
        Metrics analog = evaluate(ideal, "analog_transfer: true\n    macros: 1", "{transfer_noise: 0.01}");
        // fc2 now reads fc1's held 2-bit values in one read: its sums reach 2·3·3 = 18, past its 4-bit
        // ADC (it converts the network's output), so an ADC term appears beside the transfer noise.
        assertThat(analog.snrDbBySource().parts()).containsOnlyKeys("transfer", "adc");
        // fc1 keeps its 2 outputs analog: 1 % of the full scale K·X·Q = 8·3·3 = 72 against E[y²] of
        // 8 inputs uniform over 0..3 times weights uniform over 0..3 (unsigned).
        double k = 8;
        double signal = k * 3.5 * 3.5 + k * (k - 1) * 1.5 * 1.5 * 1.5 * 1.5;
        double noise = Math.pow(0.01 * 72, 2);
        assertThat(analog.snrDbByLayer().get("fc1")).isCloseTo(10 * Math.log10(signal / noise), within(1e-9));
    }
}
