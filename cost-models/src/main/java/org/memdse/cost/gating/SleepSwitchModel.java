package org.memdse.cost.gating;

import org.memdse.core.arch.PowerGating;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TransistorFlavour;
import org.memdse.cost.crossbar.ArrayPeripheryModelProvider;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.ComponentModel;

/**
 * The sleep switch of one tile or core under power gating: a transistor between the block and
 * its supply that passes the block's current while it works and cuts it off while it idles.
 * Derived from the circuit (no published figure for a CIM tile's switch was found; the sources
 * and the arithmetic: power-gating.md §2 and §3):
 *
 * <ul>
 *   <li><b>Width.</b> CACTI-P sizes a sleep transistor for a given loss of speed (CACTI 7.0
 *       powergating.cc, {@code Sleep_tx}, after Kao, Narendra and Chandrakasan, DAC 1998):
 *       W/L = I_block / (p · µC_ox · (V_DD − V_t,logic) · (V_DD − V_t,switch)), with p CACTI's
 *       default "Power Gating Performance Loss" of 0.01. Taking the switch's threshold equal to
 *       the logic's (a high-V_t switch is wider by (V_DD − V_t,logic) / (V_DD − V_t,switch)) and
 *       the long-channel on-current I_on/W = µC_ox (V_DD − V_t)² / (2L), this is
 *       W = I_block / (2 p · I_on/W), with the project's on-current per µm of the flavour (CACTI
 *       6.5 technology.cc, 32 nm: HP 2211.7 µA/µm, LSTP 683.6 µA/µm). I_block is the block's
 *       peak power over V_DD.</li>
 *   <li><b>Area.</b> NeuroSim's folded-transistor rule
 *       ({@link ArrayPeripheryModelProvider#transistorAreaF2}), unless the description gives
 *       {@code power_gating.area}.</li>
 *   <li><b>Leakage and actions.</b> None of its own: while on it conducts, while off the block's
 *       residual leakage flows through it ({@link PowerGating#residualLeakage}, charged to the
 *       block). Waking a block (CACTI-P: E = (C_block + C_switch) · V_DD · ΔV) happens only when a
 *       new mapping gives it work, never during inference, so no wake-up energy or latency is
 *       charged; the 1 % loss of speed it is sized for is not charged either while the clock is
 *       an input.</li>
 * </ul>
 */
public final class SleepSwitchModel {
    /** CACTI 7.0 cache.cfg default "-Power Gating Performance Loss 0.01". */
    public static final double PERFORMANCE_LOSS = 0.01;

    private SleepSwitchModel() {
    }

    /** The switch width for a block drawing {@code peakCurrent} amperes, m. */
    public static double widthMeters(double peakCurrent, Technology tech) {
        double onPerMeter = (tech.flavour() == TransistorFlavour.LSTP ? 683.6e-6 : 2211.7e-6) / 1e-6;
        return peakCurrent / (2 * PERFORMANCE_LOSS * onPerMeter);
    }

    /** One block's switch: area only (from {@code gating.switchArea} when given). */
    public static ComponentModel create(double blockPeakPower, Technology tech, PowerGating gating) {
        double area;
        if (gating.switchArea().isPresent()) {
            area = gating.switchArea().getAsDouble();
        } else {
            double f = tech.nodeMeters();
            double widthF = Math.max(2, widthMeters(blockPeakPower / tech.vdd(), tech) / f);
            area = ArrayPeripheryModelProvider.transistorAreaF2(widthF) * f * f;
        }
        return Costs.builder().area(area).leakage(0).peak(0).build();
    }
}
