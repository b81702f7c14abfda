package org.memdse.cost.conversion;

import java.util.List;
import org.memdse.core.arch.Adc;
import org.memdse.core.arch.AdcKind;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Anchor;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * ADCs by kind and resolution b. All energies are for one conversion (CONVERT).
 *
 * <ul>
 *   <li><b>SAR</b>: E = e_lin·b + e_exp·2^b — ISAAC §VII's rule (vref buffer, memory and clock
 *       linear in bits; the capacitive DAC exponential, after Saberi et al. 2011), fitted exactly
 *       through the scaled SAR points Accelergy's hwcomponents-library isaac.py lists at 32 nm and
 *       1.2 GS/s (published-figures.md §5.2: 4 b 0.79 pJ / 361 µm², 8 b 1.67 pJ / 1200 µm²; the
 *       fit reproduces 5, 6, 7, 9 and 10 b within 1 %). Area likewise A = a_lin·b + a_exp·2^b.
 *       The linear (logic) part scales with Stillmaker &amp; Baas energy; the exponential
 *       (capacitor array) part is matching-limited and kept (Murmann survey: FoM barely follows
 *       the node).</li>
 *   <li><b>flash</b> (the column converter of CIM macros: NeuroSim's multi-level current sense
 *       amplifier, MLSA): 2^b − 1 clocked comparators decide in parallel. Energy per comparator
 *       decision 1.7 fJ at 22 nm (DNN+NeuroSim V1.3 MultilevelSenseAmp.cpp, GetColumnPower, 22 nm,
 *       current mode: 1.7 µW·(levelOutput − 1) over the 1 ns sensing time; the column-current term
 *       of that fit is the cells' own current, which the crossbar model prices), scaled with
 *       Stillmaker &amp; Baas. Area 7.27 µm² per comparator level at 22 nm (current sense amplifier,
 *       comparator and the encoder's share): DNN+NeuroSim's VGG-8 example prints 1.46062e7 µm² of
 *       "ADC (or SA and precharger)" (published-figures.md §3.1) for the 4,048 subarrays its floorplan
 *       builds (13 novel-mapped tiles of 9 PEs and 34 tiles of 4 PEs, 16 subarrays each), each with
 *       16 five-bit MLSAs of 31 levels: the printed group total divided by the count. (Dividing by
 *       47 × 64 subarrays instead, as an earlier version did, overstated it 1.35×.)
 *       No leakage: the comparators are clocked latches with no static bias (MultilevelSenseAmp.cpp
 *       sets leakage = 0). Latency one comparison: ~1 ns for 5 b at 22 nm (DNN+NeuroSim V1.4 manual
 *       §6.2), scaled ∝ F. (Before this model the flash used the Walden FoM of GS/s SARs, 24.5
 *       fJ/step, 14× NeuroSim's characterised comparator bank, and 1/9 leakage.)</li>
 *   <li><b>ramp</b> (single slope): 2^b comparator decisions, each costing one flash comparison
 *       (24.5 fJ), plus a b-bit counter step per cycle (b × 3.75 fJ at 45 nm: Horowitz ISSCC 2014,
 *       8-bit add 0.03 pJ). Area: one comparator slice + b counter slices. Latency 2^b clock cycles.</li>
 *   <li><b>memristor</b>: a Walden-FoM flash (24.5 fJ/step, survey median) whose 2^b − 1 references are programmed memristors instead of a
 *       resistor ladder: flash energy plus (2^b − 1)·V_read²·Ḡ·t_read of the macro's device, area
 *       (2^b − 1)·(comparator slice + 4 F²). A derivation, hence low accuracy.</li>
 * </ul>
 * SAR, ramp and memristor converters leak 1/9 of their dynamic power at the default rate
 * (puma-simulator constants.py: ISAAC's 8-bit high-speed SAR is 1.8 mW dynamic + 0.2 mW leakage,
 * its reference buffers and clock biased continuously); the flash's latched comparators do not. Latency is 1/sample_rate when given; otherwise
 * SAR takes b bit cycles of 1/(8 × 1.2 GHz) at 32 nm (Kull et al. ISSCC 2013, 8 b at 1.2 GS/s,
 * the ADC ISAAC uses), scaled ∝ F.
 */
public final class AdcModelProvider implements ComponentModelProvider {
    // SAR fit through hwcomponents-library isaac.py (32 nm, 1.2 GS/s), published-figures.md §5.2:
    //   4a + 16c = 0.79 pJ, 8a + 256c = 1.67 pJ  ->  c = 0.09/224 pJ, a = (0.79 - 16c)/4 pJ
    static final double SAR_E_EXP = 0.09 / 224 * 1e-12;             // J per 2^b: 0.4018 fJ
    static final double SAR_E_LIN = (0.79e-12 - 16 * SAR_E_EXP) / 4;  // J per bit: 0.19589 pJ
    //   4a + 16c = 361 um^2, 8a + 256c = 1200 um^2 -> c = 478/224 um^2, a = (361 - 16c)/4 um^2
    static final double SAR_A_EXP = 478.0 / 224 * 1e-12;             // m^2 per 2^b: 2.1339 um^2
    static final double SAR_A_LIN = (361e-12 - 16 * SAR_A_EXP) / 4;   // m^2 per bit: 81.714 um^2
    /** Kull et al. ISSCC 2013: 8 bits at 1.2 GS/s -> 1/(9.6 GHz) per bit cycle, 32 nm. */
    static final double SAR_T_BIT = 1 / (8 * 1.2e9);
    /** Walden FoM for flash, J/conv-step: Murmann survey, SAR ENOB 4.5-5.5 median (published-figures.md §5.1). */
    static final double FLASH_FOM_W = 24.5e-15;
    /** One comparator slice at 32 nm: the SAR fit's per-bit area (ramp and memristor converters). */
    static final double CMP_AREA = SAR_A_LIN;
    /** One MLSA comparator decision at 22 nm: 1.7 uW x 1 ns (NeuroSim V1.3 MultilevelSenseAmp.cpp, 22 nm). */
    static final double FLASH_CMP_E = 1.7e-6 * 1e-9;
    /** One MLSA comparator level at 22 nm: 1.46062e7 um^2 / (4,048 subarrays x 16 ADCs x 31) (NeuroSim VGG-8, §3.1). */
    static final double FLASH_CMP_AREA = 1.46062e7 / (4048.0 * 16 * 31) * 1e-12;
    /** Flash conversion time: 1 ns for 5 bits at 22 nm (NeuroSim V1.4 manual §6.2). */
    static final double FLASH_T = 1e-9;
    /** Counter bit per step at 45 nm, 0.9 V: Horowitz ISSCC 2014, 8-bit add 0.03 pJ / 8. */
    static final double COUNTER_BIT_E = 0.03e-12 / 8;
    /** Leakage / dynamic power of ISAAC's ADC: 0.2 mW / 1.8 mW (puma-simulator constants.py). */
    static final double LEAK_RATIO = 0.2 / 1.8;
    static final double MEMRISTOR_CELL_F2 = 4;

    @Override
    public String name() {
        return "adc-survey";
    }

    @Override
    public List<Citation> sources() {
        return List.of(
                new Citation("Shafiee et al., ISAAC, ISCA 2016 §VII (linear + exponential ADC scaling) and "
                        + "Accelergy hwcomponents-library isaac.py scaled SAR table (published-figures.md §5.2)"),
                new Citation("Murmann, ADC Performance Survey 1997-2025, SAR ENOB 4.5-5.5 median FoM_W 24.5 fJ/step (§5.1)"),
                new Citation("Kull et al., ISSCC 2013 26.4, 8 b 1.2 GS/s SAR, 32 nm (§5.1)"),
                new Citation("DNN+NeuroSim V1.4 manual §6.2: ~1 ns 5-bit flash ADC at 22 nm"),
                new Citation("DNN+NeuroSim V1.3 MultilevelSenseAmp.cpp: 1.7 uW per comparator level at 22 nm, 1 ns, no leakage; "
                        + "VGG-8 example ADC area 1.46062e7 um^2 (published-figures.md §3.1)"),
                new Citation("puma-simulator include/constants.py: ADC 1.8 mW dynamic + 0.2 mW leakage"),
                new Citation("Horowitz, Computing's energy problem, ISSCC 2014: 8-bit add 0.03 pJ at 45 nm"));
    }

    /** Highest resolution each kind is priced for. */
    static int maxBits(AdcKind kind) {
        return switch (kind) {
            case SAR, RAMP -> 14;
            case FLASH, MEMRISTOR -> 8;
        };
    }

    @Override
    public Support supports(ModelQuery query) {
        Adc adc = query.spec(Adc.class);
        if (adc == null) {
            return Support.notFor("not an ADC");
        }
        int max = maxBits(adc.kind());
        if (adc.bits() > max) {
            return Support.no(adc.kind().key() + " ADC with " + adc.bits() + " bits: above " + max
                    + " bits, outside the survey data this model is fitted to");
        }
        if (adc.kind() == AdcKind.MEMRISTOR && device(query) == null) {
            return Support.no("memristor ADC outside a CIM macro: no device for its references");
        }
        return switch (adc.kind()) {
            case SAR -> Support.accuracy(adc.bits() >= 4 && adc.bits() <= 10 ? 60 : 40);
            case FLASH -> Support.accuracy(40);
            case RAMP -> Support.accuracy(30);
            case MEMRISTOR -> Support.accuracy(20);
        };
    }

    /** Energy of one b-bit single-slope (ramp) conversion at {@code tech}, J (dynamic + leakage share). */
    public static double rampEnergy(int bits, Technology tech) {
        return Math.pow(2, bits) * (FLASH_FOM_W + Anchor.HOROWITZ_45NM.energy(bits * COUNTER_BIT_E, tech));
    }

    /** Area of a b-bit ramp converter at {@code tech}, m^2. */
    public static double rampArea(int bits, Technology tech) {
        return Anchor.ISAAC_32NM.area(CMP_AREA * (1 + bits), tech);
    }

    private static Device device(ModelQuery query) {
        return MacroLookup.macroOf(query).map(Macro::crossbars).map(c -> c.device()).orElse(null);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        Adc adc = query.spec(Adc.class);
        Technology tech = query.technology();
        Anchor isaac = Anchor.ISAAC_32NM;
        int b = adc.bits();
        double pow2 = Math.pow(2, b);
        double energy;
        double area;
        double defaultLatency;
        switch (adc.kind()) {
            case SAR -> {
                energy = isaac.energy(SAR_E_LIN * b, tech) + SAR_E_EXP * pow2;
                area = isaac.area(SAR_A_LIN * b + SAR_A_EXP * pow2, tech);
                defaultLatency = isaac.delay(SAR_T_BIT * b, tech);
            }
            case FLASH -> {
                energy = Anchor.NEUROSIM_22NM.energy((pow2 - 1) * FLASH_CMP_E, tech);
                area = Anchor.NEUROSIM_22NM.area((pow2 - 1) * FLASH_CMP_AREA, tech);
                defaultLatency = Anchor.NEUROSIM_22NM.delay(FLASH_T, tech);
            }
            case RAMP -> {
                energy = rampEnergy(b, tech);
                area = rampArea(b, tech);
                defaultLatency = pow2 / tech.clockHz();
            }
            case MEMRISTOR -> {
                Device d = device(query);
                double meanG = (d.gOn() + d.gOff()) / 2;
                double f = tech.nodeMeters();
                energy = FLASH_FOM_W * pow2 + (pow2 - 1) * d.vRead() * d.vRead() * meanG * d.tRead();
                area = (pow2 - 1) * (isaac.area(CMP_AREA, tech) + MEMRISTOR_CELL_F2 * f * f);
                defaultLatency = Math.max(Anchor.NEUROSIM_22NM.delay(FLASH_T, tech), d.tRead());
            }
            default -> throw new IllegalStateException(adc.kind().key());
        }
        // The survey/ISAAC energies are total (dynamic + leakage) per conversion at the default rate;
        // the flash's comparator figure is dynamic only and it has no static bias.
        double leakRatio = adc.kind() == AdcKind.FLASH ? 0 : LEAK_RATIO;
        double dynamic = energy / (1 + leakRatio);
        double leakage = leakRatio * dynamic / defaultLatency;
        double latency = adc.sampleRateHz().isPresent() ? 1 / adc.sampleRateHz().getAsDouble() : defaultLatency;
        return Costs.builder().area(area).leakage(leakage).action(Action.CONVERT, dynamic, latency).build();
    }
}
