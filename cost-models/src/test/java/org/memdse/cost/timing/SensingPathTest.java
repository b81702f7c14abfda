package org.memdse.cost.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.spec.SpecSource;
import org.memdse.cost.evaluator.ArchitectureCosts;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.spi.Fixtures;

/** The sensing path, the clock it sets, and the read cycle of a macro sensed without sample-and-hold. */
class SensingPathTest {
    private static final Architecture V14 = ArchitectureReader.read(
            Fixtures.ARCHITECTURES.resolve("neurosim-v14-rram/architecture.yaml"));

    private static Macro macro(Architecture a) {
        return ((CimTileTemplate) a.tileArrays().get(0).template()).macro();
    }

    private static Architecture v14(String from, String to) throws Exception {
        String yaml = java.nio.file.Files.readString(Fixtures.ARCHITECTURES.resolve("neurosim-v14-rram/architecture.yaml"));
        assertThat(yaml).contains(from);
        return ArchitectureReader.read(SpecSource.ofText("v14.yaml", yaml.replace(from, to)));
    }

    @Test
    void theV14PathIsItsSenseAmplifierPlusGateDelaysAndSetsTheClockWithNeuroSimsMargin() {
        SensingPath p = SensingPath.of(macro(V14), V14.technology());
        // 5-bit multi-level sense amplifier at 22 nm: 0.952 ns (NeuroSim V1.4)
        assertThat(p.converter()).isCloseTo(0.952e-9, withPercentage(0.01));
        // 8:1 multiplexer: 3 decoder gates + the pass gate, one FO4 each
        assertThat(p.multiplexer()).isCloseTo(4 * SensingPath.fo4(V14.technology()), withPercentage(1e-6));
        // a tapered driver of a 14.8 fF row: a few FO4; the column settles through 64 parallel cells in picoseconds
        assertThat(p.rowLine()).isBetween(2 * SensingPath.fo4(V14.technology()), 6 * SensingPath.fo4(V14.technology()));
        assertThat(p.column()).isPositive().isLessThan(0.05e-9);
        assertThat(V14.technology().clockGiven()).isFalse();
        Architecture clocked = ClockDerivation.resolve(V14);
        assertThat(1 / clocked.technology().clockHz()).isCloseTo(1.4 * p.total(), withPercentage(1e-6));
    }

    @Test
    void theFo4DelayScalesWithTheNode() {
        Technology t22 = new Technology(22e-9, 0.85, 1e9, org.memdse.core.arch.TransistorFlavour.LSTP);
        Technology t45 = new Technology(45e-9, 1.0, 1e9, org.memdse.core.arch.TransistorFlavour.LSTP);
        assertThat(SensingPath.fo4(t45) / SensingPath.fo4(t22)).isCloseTo(45.0 / 22, withPercentage(1e-6));
        // LSTP at 22 nm: tens of picoseconds
        assertThat(SensingPath.fo4(t22)).isBetween(10e-12, 40e-12);
    }

    @Test
    void moreColumnsPerAdcOrBitsLengthenThePathAndTheReadCycleTakesWholeCyclesPerColumn() throws Exception {
        double base = SensingPath.of(macro(V14), V14.technology()).total();
        Architecture sixteen = v14("columns_per_adc: 8", "columns_per_adc: 16");
        assertThat(SensingPath.of(macro(sixteen), sixteen.technology()).total()).isGreaterThan(base);
        Architecture six = v14("bits: 5, columns_per_adc", "bits: 6, columns_per_adc");
        assertThat(SensingPath.of(macro(six), six.technology()).total() - base).isCloseTo(0.1e-9, withPercentage(0.1));

        // a given clock of twice the path: each of the 8 columns takes one cycle
        Architecture slow = v14("clock: auto", "clock: 400 MHz");
        ArchitectureCosts costs = ArchitectureCosts.of(slow, ComponentModelRegistry.load());
        assertThat(costs.cim("cim").readCycle).isCloseTo(8 / 400e6, withPercentage(1e-6));
        assertThat(ClockDerivation.shortfall(slow)).isEmpty();
        // a clock faster than the path: two cycles per column in the evaluator, an error for the reader's caller
        Architecture fast = v14("clock: auto", "clock: 1 GHz");
        assertThat(ArchitectureCosts.of(fast, ComponentModelRegistry.load()).cim("cim").readCycle)
                .isCloseTo(16 / 1e9, withPercentage(1e-6));
        assertThat(ClockDerivation.shortfall(fast)).hasValueSatisfying(m -> assertThat(m)
                .contains("1 GHz", "slowest sensing path", "templates.neurosim-tile.macro", "give at most", "clock: auto"));
    }

    @Test
    void selfTimedReadsTakeTheirPathWhateverTheClockAndDffLinesHalfACycle() throws Exception {
        // timing: asynchronous (DNN+NeuroSim's asynchronous mode, V2.1's only one): 8 columns x the path, not
        // 8 x 2 cycles of 1 GHz, and a 1 GHz clock shorter than the path is no error.
        double path = SensingPath.of(macro(V14), V14.technology()).total();
        Architecture async = v14("clock: auto", "clock: 1 GHz, timing: asynchronous");
        assertThat(async.technology().selfTimed()).isTrue();
        ArchitectureCosts costs = ArchitectureCosts.of(async, ComponentModelRegistry.load());
        assertThat(costs.cim("cim").readCycle).isCloseTo(8 * path, withPercentage(1e-6));
        assertThat(ClockDerivation.shortfall(async)).isEmpty();
        // the same chip synchronous at 1 GHz: two whole cycles per column
        Architecture sync = v14("clock: auto", "clock: 1 GHz, timing: synchronous");
        assertThat(ArchitectureCosts.of(sync, ComponentModelRegistry.load()).cim("cim").readCycle)
                .isCloseTo(16 / 1e9, withPercentage(1e-6));
        // the tile's DFF input buffer: half of a 1 GHz cycle per line (Buffer.cpp), one cycle when synchronous
        String buffer = "cim.buffers.tile-input-buffer";
        assertThat(costs.component(buffer).orElseThrow().model().latency(org.memdse.core.eval.Action.READ))
                .isCloseTo(0.5e-9, withPercentage(1e-9));
        assertThat(ArchitectureCosts.of(sync, ComponentModelRegistry.load()).component(buffer).orElseThrow().model()
                .latency(org.memdse.core.eval.Action.READ)).isCloseTo(1e-9, withPercentage(1e-9));
    }

    @Test
    void autoNeedsAMacroSensedWithoutSampleAndHold() {
        Architecture isaac = ArchitectureReader.read(Fixtures.ARCHITECTURES.resolve("isaac-ce/architecture.yaml"));
        Architecture auto = isaac.withTechnology(Technology.autoClock(isaac.technology().nodeMeters(),
                isaac.technology().vdd(), isaac.technology().flavour()));
        assertThatThrownBy(() -> ClockDerivation.resolve(auto)).hasMessageContaining("without sample-and-hold");
        // ISAAC's given clock: its macros sample and hold, so no sensing path binds it
        assertThat(ClockDerivation.shortfall(isaac)).isEmpty();
    }
}
