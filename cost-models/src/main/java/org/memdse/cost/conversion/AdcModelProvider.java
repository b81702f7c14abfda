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
 *       47 × 64 subarrays instead, as an earlier version did, overstated it 1.35×.) DNN+NeuroSim V1.4
 *       computes a converter 7.1× smaller (MultilevelSenseAmp.cpp:176-177: nine minimum NMOS per level
 *       and a dummy-column share, 1.02 µm² per level at 22 nm); memdse keeps V1.3's characterised area
 *       because it is the one a printed chip checks, and both scale as (2^b − 1) per converter, so every
 *       ADC trend is the same either way; only the ADC's share of a chip's area is an upper estimate
 *       (neurosim-v14-rram/SOURCE.md, "The sense-amplifier ADC").
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
 * its reference buffers and clock biased continuously), or at their {@code sample_rate} when that
 * is lower ({@link #biasedRate}: bias current scales with the rate it must settle at); the flash's
 * latched comparators do not leak. Latency is 1/sample_rate when given; otherwise by kind and
 * resolution (docs/reference/timing.md §2): a flash (sense-amplifier) conversion is one comparison,
 * NeuroSim V1.4's 0.902 / 0.952 / 1.052 ns at 4 / 5 / 6 bits and 22 nm ({@link #flashConversionTime});
 * a SAR takes b + 1 cycles of its comparator, 1 ns each at 22 nm (NeuroSim V1.4 SarADC.cpp); a ramp
 * 2^b clock cycles; all ∝ F. The SAR's leakage share stays that of Kull's 8-bit 1.2 GS/s converter
 * the energy fit describes (b bit cycles of 1/(8 × 1.2 GHz) at 32 nm).
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
    /**
     * One conversion of NeuroSim's multi-level sense amplifier at 22 nm, current mode, by bits: the
     * slower of its extreme references in V1.4's MultilevelSenseAmp.cpp ColumnLatency_Table
     * (CalculateLatency, lines 224-231), as neurosim-v14-rram/SOURCE.md ("Clock") reads it for 4, 5
     * and 6 bits: 0.902, 0.952 and 1.052 ns (6 bits: a lower bound; the column-capacitance term
     * above the fit's 12.7 kOhm is left out). docs/reference/timing.md §2.
     */
    static final double[] FLASH_T_22NM = {0.902e-9, 0.952e-9, 1.052e-9};
    static final int FLASH_T_FIRST_BITS = 4;
    /**
     * One SAR bit cycle at 22 nm: DNN+NeuroSim V1.4 SarADC.cpp CalculateLatency, readLatency =
     * (log2(levelOutput) + 1) x 1 ns: one comparator decision per bit plus one sampling cycle, each 1 ns.
     */
    static final double SAR_CYCLE_22NM = 1e-9;
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
                new Citation("DNN+NeuroSim V1.4 MultilevelSenseAmp.cpp ColumnLatency_Table: 0.902 / 0.952 / 1.052 ns at 4 / 5 / 6 bits, 22 nm; "
                        + "SarADC.cpp: (bits + 1) x 1 ns (timing.md §2)"),
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

    /**
     * One flash (multi-level sense amplifier) conversion of {@code bits} at {@code tech}, s: NeuroSim's
     * 4-6-bit figures ({@link #FLASH_T_22NM}), outside them continued by the nearest step (0.05 ns a
     * bit below 4 bits, 0.1 ns a bit above 6: each added bit halves the step the slowest reference must
     * resolve), scaled with the node like a gate delay (∝ F).
     */
    public static double flashConversionTime(int bits, Technology tech) {
        int last = FLASH_T_22NM.length - 1;
        int i = bits - FLASH_T_FIRST_BITS;
        double t;
        if (i < 0) {
            t = FLASH_T_22NM[0] + i * (FLASH_T_22NM[1] - FLASH_T_22NM[0]);
        } else if (i > last) {
            t = FLASH_T_22NM[last] + (i - last) * (FLASH_T_22NM[last] - FLASH_T_22NM[last - 1]);
        } else {
            t = FLASH_T_22NM[i];
        }
        return Anchor.NEUROSIM_22NM.delay(t, tech);
    }

    /** One SAR bit cycle (a comparator decision) at {@code tech}, s: NeuroSim's 1 ns at 22 nm, ∝ F. */
    public static double sarCycle(Technology tech) {
        return Anchor.NEUROSIM_22NM.delay(SAR_CYCLE_22NM, tech);
    }

    /**
     * Clocked steps of one conversion: a flash or memristor converter compares all levels at once
     * (1), a SAR resolves a bit per cycle after one sampling cycle (b + 1; NeuroSim V1.4 SarADC.cpp),
     * a ramp counts its 2^b levels (2^b).
     */
    public static double steps(Adc adc) {
        return switch (adc.kind()) {
            case FLASH, MEMRISTOR -> 1;
            case SAR -> adc.bits() + 1;
            case RAMP -> Math.pow(2, adc.bits());
        };
    }

    /**
     * The part of one conversion a single clock cycle must hold (the sensing path's converter
     * term), s: a whole flash or memristor conversion, one SAR bit cycle, one ramp comparator
     * decision (a SAR bit cycle); with a {@code sample_rate}, its conversion time over its steps.
     */
    public static double stepTime(Adc adc, Technology tech) {
        if (adc.sampleRateHz().isPresent()) {
            return 1 / adc.sampleRateHz().getAsDouble() / steps(adc);
        }
        return switch (adc.kind()) {
            case FLASH, MEMRISTOR -> flashConversionTime(adc.bits(), tech);
            case SAR, RAMP -> sarCycle(tech);
        };
    }

    /**
     * The conversion rate a converter's static bias is sized for, Hz: its {@code sample_rate} when
     * that is below the rate its energy figures hold at, else that rate. The static share is the
     * reference buffers' and comparator's bias current, and a converter designed for a lower rate
     * needs proportionally less of it: each bit must settle within one bit cycle, and settling
     * time ~ C / g_m with g_m ~ I (so I ~ rate at fixed accuracy). A converter asked to run faster
     * than its fit's rate keeps the fit's bias: the survey and ISAAC figures describe no faster
     * design, so nothing is extrapolated upwards. (ISAAC's 1.28 GS/s against Kull's 1.2 GS/s fit
     * is above it: isaac-ce is unchanged.) Without this, an 8-bit SAR sampling 25 kS/s at 130 nm
     * leaked the 0.38 mW of a 295 MS/s converter.
     */
    static double biasedRate(Adc adc, double ratedLatency) {
        double rated = 1 / ratedLatency;
        return adc.sampleRateHz().isPresent() ? Math.min(adc.sampleRateHz().getAsDouble(), rated) : rated;
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
        // The rate the energy figures hold at (their leakage share is a share of that rate's power).
        double ratedLatency;
        switch (adc.kind()) {
            case SAR -> {
                energy = isaac.energy(SAR_E_LIN * b, tech) + SAR_E_EXP * pow2;
                area = isaac.area(SAR_A_LIN * b + SAR_A_EXP * pow2, tech);
                ratedLatency = isaac.delay(SAR_T_BIT * b, tech);
                defaultLatency = (b + 1) * sarCycle(tech);
            }
            case FLASH -> {
                energy = Anchor.NEUROSIM_22NM.energy((pow2 - 1) * FLASH_CMP_E, tech);
                area = Anchor.NEUROSIM_22NM.area((pow2 - 1) * FLASH_CMP_AREA, tech);
                defaultLatency = flashConversionTime(b, tech);
                ratedLatency = defaultLatency;
            }
            case RAMP -> {
                energy = rampEnergy(b, tech);
                area = rampArea(b, tech);
                defaultLatency = pow2 / tech.clockHz();
                ratedLatency = defaultLatency;
            }
            case MEMRISTOR -> {
                Device d = device(query);
                double meanG = (d.gOn() + d.gOff()) / 2;
                double f = tech.nodeMeters();
                energy = FLASH_FOM_W * pow2 + (pow2 - 1) * d.vRead() * d.vRead() * meanG * d.tRead();
                area = (pow2 - 1) * (isaac.area(CMP_AREA, tech) + MEMRISTOR_CELL_F2 * f * f);
                defaultLatency = Math.max(flashConversionTime(b, tech), d.tRead());
                ratedLatency = defaultLatency;
            }
            default -> throw new IllegalStateException(adc.kind().key());
        }
        // The survey/ISAAC energies are total (dynamic + leakage) per conversion at the default rate;
        // the flash's comparator figure is dynamic only and it has no static bias.
        double leakRatio = adc.kind() == AdcKind.FLASH ? 0 : LEAK_RATIO;
        double dynamic = energy / (1 + leakRatio);
        double leakage = leakRatio * dynamic * biasedRate(adc, ratedLatency);
        double latency = adc.sampleRateHz().isPresent() ? 1 / adc.sampleRateHz().getAsDouble() : defaultLatency;
        return Costs.builder().area(area).leakage(leakage).action(Action.CONVERT, dynamic, latency).build();
    }
}
