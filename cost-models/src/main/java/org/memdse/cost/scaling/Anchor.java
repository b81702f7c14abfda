package org.memdse.cost.scaling;

import org.memdse.core.arch.Technology;

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

    public double delay(double value, Technology to) {
        return value * TechnologyScaling.delayFactor(nodeMeters, to.nodeMeters());
    }
}
