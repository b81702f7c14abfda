package org.memdse.cost.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.tech;
import static org.memdse.cost.spi.Fixtures.horowitzTech;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.memdse.core.arch.Adc;
import org.memdse.core.arch.AdcKind;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.Fixtures;
import org.memdse.cost.spi.ModelQuery;

class AdcModelProviderTest extends ComponentModelContractTest {
    private final AdcModelProvider provider = new AdcModelProvider();

    static ModelQuery adc(AdcKind kind, int bits, Architecture a) {
        return query(ComponentKind.ADC, new Adc(kind, bits, 8, OptionalDouble.empty(), PublishedFigures.NONE), "cim", a);
    }

    static ModelQuery adc(AdcKind kind, int bits) {
        return adc(kind, bits, Fixtures.withTech(Fixtures.fig4(), isaacTech()));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        List<ModelQuery> q = new ArrayList<>();
        for (AdcKind k : AdcKind.values()) {
            for (int b : new int[] {1, 5, 8}) {
                q.add(adc(k, b));
            }
        }
        q.add(adc(AdcKind.SAR, 14));
        q.add(adc(AdcKind.RAMP, 14));
        return q;
    }

    @Override
    protected List<ModelQuery> unsupportedQueries() {
        return List.of(adc(AdcKind.SAR, 15), adc(AdcKind.SAR, 16), adc(AdcKind.FLASH, 9), adc(AdcKind.MEMRISTOR, 9),
                adc(AdcKind.MEMRISTOR, 4, bare(isaacTech())));
    }

    @Override
    protected Knob knob() {
        return new Knob("bits", IntStream.rangeClosed(1, 14).mapToObj(b -> adc(AdcKind.SAR, b)).toList(),
                energyOf(Action.CONVERT));
    }

    @ParameterizedTest
    @EnumSource(AdcKind.class)
    void energyAndAreaDoNotFallAsBitsRise(AdcKind kind) {
        double e = 0;
        double a = 0;
        for (int b = 1; b <= AdcModelProvider.maxBits(kind); b++) {
            ComponentModel m = provider.create(adc(kind, b));
            assertThat(m.energy(Action.CONVERT)).isGreaterThan(e);
            assertThat(m.area()).isGreaterThan(a);
            e = m.energy(Action.CONVERT);
            a = m.area();
        }
    }

    @Test
    void isaacsEightBitSarByHand() {
        // Fit through hwcomponents isaac.py at 32 nm: E(8) = 8 * 0.195893 pJ + 256 * 0.00040179 pJ = 1.67 pJ (total)
        // dynamic = 1.67 / (1 + 1/9) = 1.503 pJ; leakage = 0.1 * 1.67 pJ / (8 / 9.6 GHz = 0.8333 ns) = 0.2004 mW
        // area = 8 * 81.714 + 256 * 2.1339 um^2 = 1200 um^2. Without a sample rate a conversion takes
        // 8 + 1 comparator cycles of NeuroSim's 1 ns at 22 nm, x 32/22: 13.09 ns (with ISAAC's sample rate, 1/rate:
        // sampleRateSetsTheLatency); peak = 1.503 pJ / 13.09 ns + 0.2004 mW = 0.3152 mW
        ComponentModel m = provider.create(adc(AdcKind.SAR, 8));
        assertThat(m.energy(Action.CONVERT)).isCloseTo(1.503e-12, withPercentage(0.1));
        assertThat(m.latency(Action.CONVERT)).isCloseTo(9 * 1e-9 * 32 / 22, withPercentage(0.1));
        assertThat(m.leakagePower()).isCloseTo(0.2004e-3, withPercentage(0.1));
        assertThat(m.area()).isCloseTo(1200e-12, withPercentage(0.1));
        assertThat(m.peakPower()).isCloseTo(0.3152e-3, withPercentage(0.1));
    }

    @ParameterizedTest
    @CsvSource({"4, 0.79, 361", "5, 0.99, 477", "6, 1.20, 627", "7, 1.42, 845", "9, 1.97, 1828", "10, 2.38, 3002"})
    void sarFitReproducesTheAccelergyTable(int bits, double pj, double um2) {
        // published-figures.md §5.2 (total energy = dynamic * 10/9)
        ComponentModel m = provider.create(adc(AdcKind.SAR, bits));
        assertThat(m.energy(Action.CONVERT) * 10 / 9).isCloseTo(pj * 1e-12, withPercentage(1.5));
        assertThat(m.area()).isCloseTo(um2 * 1e-12, withPercentage(1.5));
    }

    @Test
    void sampleRateSetsTheLatency() {
        ModelQuery q = query(ComponentKind.ADC, new Adc(AdcKind.SAR, 8, 128, OptionalDouble.of(1.28e9), PublishedFigures.NONE),
                bare(isaacTech()));
        assertThat(provider.create(q).latency(Action.CONVERT)).isCloseTo(1 / 1.28e9, withPercentage(0.01));
    }

    @Test
    void aSlowerSampleRateLeaksLessAndAFasterOneNoMoreThanTheFitsRate() {
        // The 8-bit SAR's fit holds at 1.2 GS/s at 32 nm (0.2004 mW of bias, isaacsEightBitSarByHand).
        double[] leak = new double[4];
        double[] rates = {1e6, 1.2e8, 1.2e9, 1.28e9};
        for (int i = 0; i < rates.length; i++) {
            leak[i] = provider.create(query(ComponentKind.ADC, new Adc(AdcKind.SAR, 8, 128, OptionalDouble.of(rates[i]),
                    PublishedFigures.NONE), bare(isaacTech()))).leakagePower();
        }
        assertThat(leak[0]).isCloseTo(0.2004e-3 * 1e6 / 1.2e9, withPercentage(0.1));
        assertThat(leak[1]).isCloseTo(0.2004e-3 / 10, withPercentage(0.1));
        assertThat(leak[2]).isCloseTo(0.2004e-3, withPercentage(0.1));
        assertThat(leak[3]).as("ISAAC's 1.28 GS/s is above the fit's rate: the fit's bias").isEqualTo(leak[2]);
        // The energy per conversion does not follow the rate.
        ModelQuery slow = query(ComponentKind.ADC, new Adc(AdcKind.SAR, 8, 128, OptionalDouble.of(1e6),
                PublishedFigures.NONE), bare(isaacTech()));
        assertThat(provider.create(slow).energy(Action.CONVERT)).isCloseTo(1.503e-12, withPercentage(0.1));
    }

    @Test
    void flashByHand() {
        // NeuroSim MLSA at its own node (22 nm, 0.8 V): 31 comparators * 1.7 uW * 1 ns = 52.7 fJ, no leakage;
        // area: the printed 1.46062e7 um^2 over NeuroSim's 4,048 subarrays x 16 MLSAs = 225.52 um^2 per 5-bit ADC;
        // latency NeuroSim V1.4's 0.952 ns at 5 bits
        ComponentModel m = provider.create(adc(AdcKind.FLASH, 5, bare(tech(22, 0.8))));
        assertThat(m.energy(Action.CONVERT)).isCloseTo(52.7e-15, withPercentage(0.1));
        assertThat(m.area()).isCloseTo(225.52e-12, withPercentage(0.1));
        assertThat(m.leakagePower()).isZero();
        assertThat(m.latency(Action.CONVERT)).isCloseTo(0.952e-9, withPercentage(0.1));
    }

    @ParameterizedTest
    @CsvSource({"3, 0.852", "4, 0.902", "5, 0.952", "6, 1.052", "7, 1.152"})
    void aFlashConversionTakesNeuroSimsTimeForItsBitsAndScalesWithTheNode(int bits, double ns) {
        // NeuroSim V1.4 MultilevelSenseAmp.cpp at 22 nm for 4-6 bits, continued by the nearest step outside
        assertThat(provider.create(adc(AdcKind.FLASH, bits, bare(tech(22, 0.8)))).latency(Action.CONVERT))
                .isCloseTo(ns * 1e-9, withPercentage(0.01));
        assertThat(provider.create(adc(AdcKind.FLASH, bits, bare(tech(45, 1.0)))).latency(Action.CONVERT))
                .isCloseTo(ns * 1e-9 * 45 / 22, withPercentage(0.01));
    }

    @Test
    void aSarTakesOneComparatorCyclePerBitPlusSamplingAndIsSlowerThanAFlash() {
        // NeuroSim V1.4 SarADC.cpp: (log2(levelOutput) + 1) x 1 ns at 22 nm: 6 ns at 5 bits
        ComponentModel sar = provider.create(adc(AdcKind.SAR, 5, bare(tech(22, 0.8))));
        assertThat(sar.latency(Action.CONVERT)).isCloseTo(6e-9, withPercentage(0.01));
        assertThat(sar.latency(Action.CONVERT)).isGreaterThan(
                provider.create(adc(AdcKind.FLASH, 5, bare(tech(22, 0.8)))).latency(Action.CONVERT));
        // one clocked step: a SAR bit cycle; a flash its whole conversion
        Adc five = new Adc(AdcKind.SAR, 5, 8, OptionalDouble.empty(), PublishedFigures.NONE);
        assertThat(AdcModelProvider.stepTime(five, tech(22, 0.8))).isCloseTo(1e-9, withPercentage(0.01));
        assertThat(AdcModelProvider.steps(five)).isEqualTo(6);
        Adc flash = new Adc(AdcKind.FLASH, 5, 8, OptionalDouble.empty(), PublishedFigures.NONE);
        assertThat(AdcModelProvider.stepTime(flash, tech(22, 0.8))).isCloseTo(0.952e-9, withPercentage(0.01));
    }

    @Test
    void rampByHandAtHorowitzNode() {
        // 45 nm, 0.9 V: 2^8 * (24.5 fJ + 8 * 3.75 fJ) = 256 * 54.5 fJ = 13.952 pJ total, dynamic * 0.9 = 12.557 pJ
        // latency 256 cycles at 1 GHz = 256 ns
        ComponentModel m = provider.create(adc(AdcKind.RAMP, 8, bare(horowitzTech())));
        assertThat(m.energy(Action.CONVERT)).isCloseTo(12.557e-12, withPercentage(0.1));
        assertThat(m.latency(Action.CONVERT)).isCloseTo(256e-9, withPercentage(0.01));
    }

    @Test
    void memristorAdcAddsItsReferenceReads() {
        // flash 24.5 fJ * 16 = 0.392 pJ + 15 * 0.25 V^2 * 5.05e-6 S * 10 ns = 15 * 12.625 fJ = 0.189375 pJ
        // total 0.581375 pJ, dynamic * 0.9 = 0.52324 pJ
        ComponentModel m = provider.create(adc(AdcKind.MEMRISTOR, 4));
        assertThat(m.energy(Action.CONVERT)).isCloseTo(0.52324e-12, withPercentage(0.1));
    }
}
