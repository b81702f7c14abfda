package org.memdse.architectures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.eval.PeakFigures;
import org.memdse.cost.evaluator.ArchitectureCosts;
import org.memdse.cost.evaluator.PricedComponent;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * The bundled isaac-ce carries ISAAC's Table I figures (per instance); memdse must add them up to
 * the published tile, 168-tile and chip totals and the Table IV peak efficiencies
 * (docs/reference/published-figures.md §1.1, §1.3, §1.4).
 */
class IsaacCalibrationTest {
    private static final int TILES = 168;
    private static ArchitectureCosts costs;
    private static PeakFigures peak;

    @BeforeAll
    static void evaluate() {
        Catalog catalog = Catalog.bundled();
        Architecture isaac = ArchitectureReader.read(catalog.source(catalog.architecture("isaac-ce").orElseThrow()));
        costs = ArchitectureCosts.of(isaac, ComponentModelRegistry.load());
        peak = costs.peak(OpConvention.INT16);
    }

    /** The tiles plus their share of the routers (one router per 4 tiles), i.e. all but the chip links. */
    private static double tilesArea() {
        return costs.components().stream().filter(p -> !p.component().kind().key().equals("chip_link"))
                .mapToDouble(PricedComponent::area).sum();
    }

    private static double tilesPower() {
        return costs.components().stream().filter(p -> !p.component().kind().key().equals("chip_link"))
                .mapToDouble(PricedComponent::peakPower).sum();
    }

    @Test
    void oneTileIs0372mm2And330mW() {
        // Table I: 1 tile total 0.372 mm^2, 330 mW (router counted at a quarter).
        assertThat(tilesArea() / TILES * 1e6).isCloseTo(0.372, withinPercentage(1));
        assertThat(tilesPower() / TILES * 1e3).isCloseTo(330, withinPercentage(1));
    }

    @Test
    void the168TilesAre625mm2And554W() {
        assertThat(tilesArea() * 1e6).isCloseTo(62.5, withinPercentage(1));
        assertThat(tilesPower()).isCloseTo(55.4, withinPercentage(1));
    }

    @Test
    void theChipWithHyperTransportIs854mm2And658W() {
        assertThat(peak.areaM2() * 1e6).isCloseTo(85.4, withinPercentage(1));
        assertThat(peak.peakPowerW()).isCloseTo(65.8, withinPercentage(1));
    }

    @Test
    void peakThroughputIs4129Tops() {
        // 16,128 arrays x 128 rows x 16 weights per 16 x 100 ns, x 2 ops (published-figures.md §1.4).
        assertThat(peak.peakTops()).isCloseTo(41.288, withinPercentage(0.1));
    }

    @Test
    void peakEfficienciesMatchTableIv() {
        assertThat(peak.peakTopsPerWatt() * 1e3).isCloseTo(627.5, withinPercentage(2));
        assertThat(peak.peakTopsPerMm2() * 1e3).isCloseTo(478.95, withinPercentage(2));
    }

    @Test
    void adcsTake58PercentOfTilePowerAnd31PercentOfTileArea() {
        // ISAAC's text: "the ADCs account for 58 % of tile power and 31 % of tile area".
        double adcPower = peak.powerByKind().get("adc");
        double adcArea = peak.areaByKind().get("adc");
        assertThat(adcPower / tilesPower()).isCloseTo(0.58, within(0.01));
        assertThat(adcArea / tilesArea()).isCloseTo(0.31, within(0.01));
    }

    @Test
    void energyPerConversionIsPowerOverSampleRate() {
        // 2 mW / 1.28 GS/s = 1.5625 pJ per conversion (published-figures.md §1.4). memdse splits it into the
        // dynamic energy of the action and the leakage the evaluator charges over time; together they are P x t.
        PricedComponent adc = costs.component("cim.macro.adc").orElseThrow();
        Action convert = Action.CONVERT;
        double perConversion = adc.model().energy(convert) + adc.model().leakagePower() * adc.model().latency(convert);
        assertThat(adc.model().latency(convert)).isCloseTo(1 / 1.28e9, withinPercentage(1e-6));
        assertThat(perConversion * 1e12).isCloseTo(1.5625, withinPercentage(0.5));
    }
}
