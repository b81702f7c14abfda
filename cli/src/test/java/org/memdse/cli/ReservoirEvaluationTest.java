package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SpecSource;
import org.memdse.cost.evaluator.ArchitectureCosts;
import org.memdse.cost.evaluator.EvaluationLedger;
import org.memdse.cost.evaluator.MappedNetwork;
import org.memdse.cost.evaluator.ReservoirPass;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.SequentialMapper;
import org.memdse.mapping.SolverMapper;

/**
 * Memristive reservoirs (issue 18): a reservoir layer is priced per input sample by its pulses,
 * its mask generation, the sampling of its states and its crossbar readout, on an architecture's
 * reservoir array; checked by hand on a small chip, by trends, and on the bundled systems.
 */
class ReservoirEvaluationTest {
    private static final ComponentModelRegistry REGISTRY = ComponentModelRegistry.load();
    private static final Catalog CATALOG = Catalog.bundled();

    /** A one-tile chip with a reservoir array whose drivers and ADCs carry published figures. */
    private static final String CHIP = """
            name: small
            technology: {node: 32 nm, vdd: 1 V, clock: 1 GHz}
            devices:
              d: {r_on: 10 kOhm, r_off: 100 kOhm, levels: 4, v_read: 0.2 V, t_read: 10 ns}
            templates:
              t:
                kind: cim-tile
                macros: 1
                macro:
                  crossbars: {count: 2, rows: 128, cols: 16, bits_per_cell: 2, device: d}
                  adc: {kind: sar, bits: 8, columns_per_adc: 8}
                  dac: {bits: 1}
            subsystems:
              front:
                kind: reservoir
                devices: %d
                pulse: {voltage: 2 V, current: 5 uA, width: 100 us}
                adc_channels: 2
                adc: {kind: sar, bits: 8, energy: 3 pJ, latency: 50 ns, area: 10 um^2, leakage_power: 0 W}
                dac: {bits: 8, energy: 0.5 pJ, latency: 1 ns, area: 1 um^2, leakage_power: 0 W}
              cim: {template: t, count: 1}
            interconnect:
              on_chip: {topology: bus, flit: 32 bit}
            """;

    private static Architecture chip(int devices) {
        return ArchitectureReader.read(SpecSource.ofText("small.yaml", CHIP.formatted(devices)));
    }

    /** in [steps, 2] -> reservoir -> a linear readout of 1 output per step. */
    private static NetworkGraph network(int steps, int nodes, int mask, int parallel, String extra) {
        return NetworkReader.read(SpecSource.ofText("res.yaml", """
                name: res
                layers:
                  - {name: in, kind: input, shape: [%d, 2]}
                  - {name: res, kind: reservoir, nodes: %d, mask_length: %d, parallel: %d, tau: 400 us,
                     pulse_width: 50 us%s}
                  - {name: readout, kind: linear, out_features: 1}
                """.formatted(steps, nodes, mask, parallel, extra)));
    }

    private static Mapping map(Architecture a, NetworkGraph g) {
        MappingOutcome outcome = new SequentialMapper().map(a, g, MapperOptions.DEFAULT);
        assertThat(outcome).isInstanceOf(MappingOutcome.Mapped.class);
        return ((MappingOutcome.Mapped) outcome).mapping();
    }

    /** The reservoir pass alone on the mapped view. */
    private static EvaluationLedger reservoirPass(Architecture a, NetworkGraph g) {
        MappedNetwork view = MappedNetwork.of(ArchitectureCosts.of(a, REGISTRY), g, map(a, g), OpConvention.INT8);
        EvaluationLedger ledger = new EvaluationLedger(view.size());
        new ReservoirPass().run(view, ledger);
        return ledger;
    }

    private static Metrics evaluate(Architecture a, NetworkGraph g) {
        return new SystemEvaluator(REGISTRY).evaluate(a, g, map(a, g), OpConvention.INT8);
    }

    @Test
    void perSampleEnergyAndTimeByHand() {
        Architecture a = chip(8);
        EvaluationLedger ledger = reservoirPass(a, network(10, 2, 3, 2, ""));
        double mac = ArchitectureCosts.of(a, REGISTRY).component("front").orElseThrow().model().energy(Action.COMPUTE);
        // 10 steps x (2 nodes x 2 parallel x mask 3 = 12 virtual nodes) = 120 pulses per sample.
        // Each pulse: the array's 2 V x 5 uA over the layer's 50 us = 0.5 nJ (its characterised
        // 100 us pulse takes 1 nJ): 60 nJ. Mask generation: 120 pulses x 2 features = 240 MACs.
        assertThat(ledger.energy(ComponentKind.RESERVOIR)).isCloseTo(120 * 0.5e-9 + 240 * mac, withinPercentage(1e-9));
        // One driver drive and one ADC conversion per pulse: 120 x 0.5 pJ, 120 x 3 pJ.
        assertThat(ledger.energy(ComponentKind.DAC)).isCloseTo(60e-12, withinPercentage(1e-9));
        assertThat(ledger.energy(ComponentKind.ADC)).isCloseTo(360e-12, withinPercentage(1e-9));
        // The devices pulse side by side, each through its 3 mask values: 10 x 3 x 50 us = 1.5 ms;
        // the two ADCs convert 120 states of 50 ns meanwhile: 3 us.
        assertThat(ledger.duration(1, LatencyCause.ARRAY)).isCloseTo(1.5e-3, withinPercentage(1e-9));
        assertThat(ledger.duration(1, LatencyCause.CONVERSION)).isCloseTo(3e-6, withinPercentage(1e-9));
        // The mask MAC: an 8-bit multiply and add, 0.23 pJ at 45 nm and 0.9 V, scaled to 32 nm and 1 V.
        assertThat(mac).isBetween(0.1e-12, 0.3e-12);
    }

    @Test
    void adcChannelsBeyondTheLayersDevicesDoNotShortenTheConversions() {
        // One device (1 node, 1 reservoir) gives one state per pulse slot: of the array's two ADCs one
        // converts, so 10 steps x mask 3 = 30 states take 30 x 50 ns = 1.5 us, not half of it.
        EvaluationLedger one = reservoirPass(chip(8), network(10, 1, 3, 1, ""));
        assertThat(one.duration(1, LatencyCause.CONVERSION)).isCloseTo(1.5e-6, withinPercentage(1e-9));
        // Two devices keep both ADCs busy: 60 states over 2 channels, the same 1.5 us.
        EvaluationLedger two = reservoirPass(chip(8), network(10, 2, 3, 1, ""));
        assertThat(two.duration(1, LatencyCause.CONVERSION)).isCloseTo(1.5e-6, withinPercentage(1e-9));
    }

    @Test
    void moreAdcChannelsThanDevicesIsAWarningThatSaysHowManyServe() {
        // chip(1): two ADC channels sampling one device.
        var read = ArchitectureReader.readValidated(SpecSource.ofText("small.yaml", CHIP.formatted(1)));
        assertThat(read.warnings()).extracting(Object::toString).singleElement().asString()
                .isEqualTo("small.yaml:18:19: warning: subsystems.front.adc_channels: 2 ADCs sample 1 device: a pulse "
                        + "slot yields one state per device, so at most 1 convert at once and 1 only take area and leak; "
                        + "give at most 1");
        assertThat(ArchitectureReader.readValidated(SpecSource.ofText("small.yaml", CHIP.formatted(2))).warnings())
                .isEmpty();
    }

    @Test
    void aPulseEnergyOnTheLayerWinsOverTheArrays() {
        EvaluationLedger ledger = reservoirPass(chip(8), network(10, 2, 3, 2, ", pulse_energy: 2 nJ"));
        double mac = ArchitectureCosts.of(chip(8), REGISTRY).component("front").orElseThrow().model().energy(Action.COMPUTE);
        assertThat(ledger.energy(ComponentKind.RESERVOIR)).isCloseTo(120 * 2e-9 + 240 * mac, withinPercentage(1e-9));
    }

    @Test
    void moreVirtualNodesTakeMorePulsesEnergyAndTime() {
        Architecture a = chip(8);
        Metrics m3 = evaluate(a, network(10, 2, 3, 1, ""));
        Metrics m6 = evaluate(a, network(10, 2, 6, 1, ""));
        // Twice the mask: twice the pulses and samples (the reservoir layer's energy), twice its time.
        assertThat(m6.energyByKind().get("reservoir")).isCloseTo(2 * m3.energyByKind().get("reservoir"), withinPercentage(1e-6));
        assertThat(m6.latencyByLayer().get("res")).isCloseTo(2 * m3.latencyByLayer().get("res"), withinPercentage(0.1));
        assertThat(m6.energyJ()).isGreaterThan(m3.energyJ());
        assertThat(m6.latencyS()).isGreaterThan(m3.latencyS());
    }

    @Test
    void parallelReservoirsMultiplyDevicePulsesNotTime() {
        Architecture a = chip(8);
        EvaluationLedger one = reservoirPass(a, network(10, 2, 3, 1, ""));
        EvaluationLedger four = reservoirPass(a, network(10, 2, 3, 4, ""));
        assertThat(four.energy(ComponentKind.RESERVOIR)).isCloseTo(4 * one.energy(ComponentKind.RESERVOIR), withinPercentage(1e-9));
        assertThat(four.energy(ComponentKind.DAC)).isCloseTo(4 * one.energy(ComponentKind.DAC), withinPercentage(1e-9));
        assertThat(four.duration(1, LatencyCause.ARRAY)).isEqualTo(one.duration(1, LatencyCause.ARRAY));
    }

    @Test
    void tooFewDevicesOrNoArrayDoNotFitAndSayWhy() {
        MappingOutcome few = new SequentialMapper().map(chip(3), network(10, 2, 3, 2, ""), MapperOptions.DEFAULT);
        assertThat(few).isInstanceOf(MappingOutcome.DoesNotFit.class);
        assertThat(((MappingOutcome.DoesNotFit) few).reason())
                .contains("res: needs 4 dynamic memristors (2 nodes x 2 parallel reservoirs), the reservoir array 'front' has 3");
        Architecture vgg = ArchitectureReader.read(CATALOG.source(CATALOG.architecture("neurosim-vgg8").orElseThrow()));
        MappingOutcome none = new SequentialMapper().map(vgg, network(10, 2, 3, 2, ""), MapperOptions.DEFAULT);
        assertThat(((MappingOutcome.DoesNotFit) none).reason()).contains("res: the network has a memristive reservoir, "
                + "neurosim-vgg8 has no reservoir array to run it (add a subsystem of kind: reservoir");
    }

    @Test
    void theBundledReservoirEvaluatesOnFig4HybridAndOnItsChip() {
        NetworkGraph henon = NetworkReader.read(CATALOG.source(CATALOG.network("zhong2021-henon").orElseThrow()));
        for (String id : new String[] {"fig4-hybrid", "zhong2021-reservoir"}) {
            Architecture a = ArchitectureReader.read(CATALOG.source(CATALOG.architecture(id).orElseThrow()));
            MappingOutcome outcome = new SolverMapper().map(a, henon, MapperOptions.DEFAULT.withStepLimit(200));
            Metrics m = new SystemEvaluator(REGISTRY).evaluate(a, henon, ((MappingOutcome.Mapped) outcome).mapping(),
                    OpConvention.INT8);
            // 25 devices pulse all the time, 4 x 1 ms per sample: their power is 25 x 2.5 V x 10 uA = 625 uW.
            double pulsePower = m.energyByKind().get("reservoir") / m.latencyS();
            assertThat(pulsePower).as(id).isCloseTo(625e-6, withinPercentage(1));
            // Four 1 ms pulse steps; zhong2021-reservoir's readout adds its 16 conversions at 1 MS/s (16 us).
            assertThat(m.latencyS()).as(id).isCloseTo(4e-3, withinPercentage(0.5));
        }
    }

    @Test
    void convertersBiasedForTheRateTheReservoirNeedsLeakAFractionOfFullRateOnes() throws java.io.IOException {
        // The bundled chip's eight readout and four reservoir SAR ADCs sample at 1 MS/s; biased for
        // the SAR fit's 295 MS/s at 130 nm instead, they leak 295x more and dominate the chip's power.
        String yaml;
        try (var in = Catalog.class.getResourceAsStream(
                "/org/memdse/architectures/architectures/zhong2021-reservoir/architecture.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        NetworkGraph henon = NetworkReader.read(CATALOG.source(CATALOG.network("zhong2021-henon").orElseThrow()));
        double[] power = new double[2];
        double[] leakage = new double[2];
        String[] variants = {yaml, yaml.replace(", sample_rate: 1 MHz}", "}")};
        for (int i = 0; i < 2; i++) {
            Architecture a = ArchitectureReader.read(SpecSource.ofText("zhong2021-reservoir.yaml", variants[i]));
            Mapping mapping = ((MappingOutcome.Mapped) new SequentialMapper().map(a, henon, MapperOptions.DEFAULT))
                    .mapping();
            Metrics m = new SystemEvaluator(REGISTRY).evaluate(a, henon, mapping, OpConvention.INT8);
            power[i] = m.energyJ() / m.latencyS();
            leakage[i] = m.leakagePowerW(); // the whole chip's: at full rate nearly all of it is the ADCs' bias
        }
        assertThat(variants[1]).doesNotContain("sample_rate");
        // 625 uW of pulses plus drivers, the readout and a few tens of uW of leakage; at full rate 5.2 mW.
        assertThat(power[0]).isBetween(0.6e-3, 0.8e-3);
        assertThat(power[1]).isBetween(4.5e-3, 6e-3);
        assertThat(leakage[1] / leakage[0]).isGreaterThan(50);
    }

    @Test
    void atPeakEveryDevicePulsesAndADriverHoldsItsPulseForTheWholeWidth() {
        Architecture a = ArchitectureReader.read(CATALOG.source(CATALOG.architecture("zhong2021-reservoir").orElseThrow()));
        NetworkGraph henon = NetworkReader.read(CATALOG.source(CATALOG.network("zhong2021-henon").orElseThrow()));
        Mapping mapping = ((MappingOutcome.Mapped) new SequentialMapper().map(a, henon, MapperOptions.DEFAULT)).mapping();
        Metrics m = new SystemEvaluator(REGISTRY).evaluate(a, henon, mapping, OpConvention.INT8);
        // 32 devices x 2.5 V x 10 uA = 800 uW, and the mask generator's MAC every 10 ns cycle on top.
        assertThat(m.peak().powerByKind().get("reservoir")).isBetween(800e-6, 1.2e-3);
        // 32 eight-bit drivers, each one pulse per 1 ms (was one per its own settling time: 1.15 W).
        double drivers = m.peak().powerByKind().get("dac");
        assertThat(drivers).isLessThan(1e-3);
        // At peak the chip draws more than it does on the Henon workload, but milliwatts, not watts.
        assertThat(m.peak().peakPowerW()).isBetween(m.energyJ() / m.latencyS(), 10e-3);
    }

    @Test
    void leakageAdviceDoesNotSuggestTheFlavourTheChipAlreadyHas() throws java.io.IOException {
        // zhong2021-reservoir with converters biased for their fit's 295 MS/s (its sample_rate taken out)
        // idles between millisecond pulses (88 % of its energy is leakage) and is already on
        // low-standby-power logic: the advice used to tell it to switch to lstp anyway.
        String yaml;
        try (var in = Catalog.class.getResourceAsStream(
                "/org/memdse/architectures/architectures/zhong2021-reservoir/architecture.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace(", sample_rate: 1 MHz}", "}");
        }
        NetworkGraph henon = NetworkReader.read(CATALOG.source(CATALOG.network("zhong2021-henon").orElseThrow()));
        for (String flavour : new String[] {"lstp", "hp"}) {
            Architecture a = ArchitectureReader.read(SpecSource.ofText("zhong2021-reservoir.yaml",
                    yaml.replace("flavour: lstp", "flavour: " + flavour)));
            Mapping mapping = ((MappingOutcome.Mapped) new SequentialMapper().map(a, henon, MapperOptions.DEFAULT))
                    .mapping();
            Metrics m = new SystemEvaluator(REGISTRY).evaluate(a, henon, mapping, OpConvention.INT8);
            assertThat(m.staticShare()).as(flavour).isGreaterThan(0.5);
            String advice = String.join("\n", EvaluateCommand.advice(a, m, false));
            assertThat(advice).as(flavour).contains("less leakage per inference: a shorter latency");
            if (flavour.equals("lstp")) {
                assertThat(advice).doesNotContain("lstp");
            } else {
                assertThat(advice).contains("low-standby-power logic (technology.flavour: lstp)");
            }
        }
    }
}
