package org.memdse.cost.snn;

import java.util.Optional;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.TileArray;
import org.memdse.cost.scaling.Anchor;
import org.memdse.cost.spi.ModelQuery;

/**
 * The two digital SNN cores the CMOS neuron and synapse-event models are calibrated on, both
 * 28 nm, each reproduced exactly at its own node and supply (published-figures.md §4.5, §4.6):
 *
 * <ul>
 *   <li><b>TrueNorth</b> (Akopyan et al. TCAD 2015 Fig. 17 affine fit, 0.8 V): chip power
 *       P = 64.43 mW + 2.297 pJ × events/s over 4096 cores × 256 neurons, 1 ms tick. Per neuron
 *       the static 64.43 mW / 1 048 576 = 61.44 nW is split into a per-tick update (reading and
 *       writing the neuron's 124 parameter/state bits of the core SRAM, 2 × 124 × the SRAM bit
 *       energy of {@code buffer-cacti-fit} for a 256-row array: 8.5 pJ; the 124 bits per neuron
 *       are from Akopyan 2015's 410-bit core SRAM row, not yet checked against the PDF) and
 *       leakage (the rest, 52.9 nW at 1 kHz). Synaptic event latency: 4096 cores / 58 GSOPS
 *       peak. Asynchronous: no clock power. Neuron area: (core 0.0936 mm² − 64 k SRAM bits of
 *       280 F²) / 256.</li>
 *   <li><b>ODIN</b> (Frenkel et al. TBioCAS 2019, 0.55 V): P = 27.3 µW + 1.78 µW/MHz · f_clk +
 *       8.43 pJ · r_SOP per core of 256 neurons. Leakage 27.3 µW / 256 per neuron, the clock term
 *       per core (on the synapse array), no per-tick term (ODIN's leak is driven by time-reference
 *       events, which count as SOPs). SOP latency 2 clock cycles (37.5 MSOP/s at 75 MHz).
 *       Neuron area: (core 0.086 mm² − 64 k synapses × 0.68 µm²) / 256.</li>
 * </ul>
 * Choice (a stand-in until the core records say how synapses are stored): cores with 1-bit
 * synapses (TrueNorth's binary crossbar) use TrueNorth, multi-bit ones use ODIN (4-bit).
 * Spike generation is folded into the synaptic-event energy in both (their power models have no
 * per-spike term). Values are carried to the architecture's node and supply by Stillmaker &amp; Baas.
 */
public enum SnnCalibration {
    TRUENORTH(Anchor.TRUENORTH_28NM, 64.43e-3 / (4096 * 256.0), 2 * 124 * trueNorthSramBitEnergy(), 1e-3,
            2.297e-12, 0, (0.0936e-6 - 65536 * 280 * 28e-9 * 28e-9) / 256),
    ODIN(Anchor.ODIN_28NM, 27.3e-6 / 256, 0, 1e-3, 8.43e-12, 1.78e-6 / 1e6, (0.086e-6 - 65536 * 0.68e-12) / 256);

    /** Where the figures were measured. */
    public final Anchor anchor;
    /** Static power per neuron at the anchor incl. per-tick updates at the anchor tick, W. */
    final double staticPerNeuron;
    /** Energy of one neuron update (one tick), J. */
    public final double updateEnergy;
    /** The anchor's tick, s. */
    final double tick;
    /** Marginal energy of one synaptic event, J. */
    public final double sopEnergy;
    /** Clock-tree (idle) power per core per Hz of clock, W/Hz. */
    public final double clockPowerPerHz;
    /** CMOS neuron area at the anchor (incl. its share of the core's logic), m^2. */
    public final double neuronArea;

    SnnCalibration(Anchor anchor, double staticPerNeuron, double updateEnergy, double tick, double sopEnergy,
                   double clockPowerPerHz, double neuronArea) {
        this.anchor = anchor;
        this.staticPerNeuron = staticPerNeuron;
        this.updateEnergy = updateEnergy;
        this.tick = tick;
        this.sopEnergy = sopEnergy;
        this.clockPowerPerHz = clockPowerPerHz;
        this.neuronArea = neuronArea;
    }

    /** Leakage per neuron at the anchor: static less the per-tick updates, W. */
    public double leakagePerNeuron() {
        return staticPerNeuron - updateEnergy / tick;
    }

    /**
     * SRAM energy per bit of TrueNorth's 256-row core SRAM at 28 nm, 0.8 V: Horowitz's 10 pJ per
     * 64-bit access of an 8 KB (1024-row) SRAM at 45 nm, × √(256/1024), scaled (the same rule as
     * {@code buffer-cacti-fit}).
     */
    static double trueNorthSramBitEnergy() {
        return Anchor.HOROWITZ_45NM.energy(10e-12 / 64 * Math.sqrt(256 / 1024.0),
                new org.memdse.core.arch.Technology(28e-9, 0.8, 1e9));
    }

    /** The calibration for a core with synapses of {@code weightBits}. */
    public static SnnCalibration forWeightBits(int weightBits) {
        return weightBits <= 1 ? TRUENORTH : ODIN;
    }

    /** The SNN core a neuron or synapse component belongs to. */
    static Optional<SnnCoreTemplate> coreOf(ModelQuery query) {
        return query.architecture().subsystem(query.component().subsystem())
                .filter(TileArray.class::isInstance).map(TileArray.class::cast)
                .map(TileArray::template)
                .filter(SnnCoreTemplate.class::isInstance).map(SnnCoreTemplate.class::cast);
    }
}
