package org.memdse.cost.scaling;

import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TransistorFlavour;

/**
 * The technology a published figure was measured or simulated at, and the factors that carry it
 * to an architecture's technology ({@link TechnologyScaling}).
 *
 * @param nodeMeters feature size of the source, m
 * @param vdd        supply of the source, V
 */
public record Anchor(double nodeMeters, double vdd) {
    /** ISAAC (Shafiee et al. ISCA 2016): 32 nm; no supply printed, 1.0 V nominal (ITRS), as isaac-ce's YAML. */
    public static final Anchor ISAAC_32NM = new Anchor(32e-9, 1.0);
    /** Horowitz, "Computing's energy problem", ISSCC 2014: 45 nm, 0.9 V. */
    public static final Anchor HOROWITZ_45NM = new Anchor(45e-9, 0.9);
    /** TrueNorth (Akopyan et al. TCAD 2015, Fig. 17): 28 nm, measured at 0.8 V. */
    public static final Anchor TRUENORTH_28NM = new Anchor(28e-9, 0.8);
    /** TrueNorth communication figures (Merolla et al. Science 2014): 28 nm, 0.775 V. */
    public static final Anchor TRUENORTH_COMM_28NM = new Anchor(28e-9, 0.775);
    /** ODIN (Frenkel et al. TBioCAS 2019): 28 nm FDSOI, 0.55 V. */
    public static final Anchor ODIN_28NM = new Anchor(28e-9, 0.55);
    /** DNN+NeuroSim V1.3/V1.4 defaults: 22 nm; V1.4 manual §6.2 fixes 0.55 V read at 22 nm, 0.8 V logic assumed. */
    public static final Anchor NEUROSIM_22NM = new Anchor(22e-9, 0.8);

    public double area(double value, Technology to) {
        return value * TechnologyScaling.areaFactor(nodeMeters, to.nodeMeters());
    }

    public double energy(double value, Technology to) {
        return value * TechnologyScaling.energyFactor(nodeMeters, vdd, to.nodeMeters(), to.vdd());
    }

    /** Leakage power, scaled like energy. */
    public double power(double value, Technology to) {
        return energy(value, to);
    }

    /**
     * Off-current x supply of low-standby-power over high-performance logic transistors at 32 nm,
     * 300 K: (2.06e-11 A/um x 1.0 V) / (1.52e-7 A/um x 0.9 V) = 1.51e-4 (CACTI 6.5 technology.cc,
     * ITRS 2007 32 nm SOI HP and LSTP I_off_n at 300 K). Subthreshold leakage power is I_off x W x V_dd.
     */
    public static final double LSTP_OVER_HP_LEAKAGE = (2.06e-11 * 1.0) / (1.52e-7 * 0.9);

    /**
     * Transistor leakage of a figure published for high-performance CMOS (ISAAC's and puma's
     * CACTI-based 32 nm figures, Horowitz's 45 nm): scaled like energy, then multiplied by
     * {@link #LSTP_OVER_HP_LEAKAGE} when the architecture's logic is LSTP. Not for measured
     * low-power silicon (TrueNorth, ODIN) or an analog bias current, which use {@link #power}.
     */
    public double leakage(double value, Technology to) {
        return power(value, to) * (to.flavour() == TransistorFlavour.LSTP ? LSTP_OVER_HP_LEAKAGE : 1);
    }

    public double delay(double value, Technology to) {
        return value * TechnologyScaling.delayFactor(nodeMeters, to.nodeMeters());
    }
}
