package org.memdse.core.arch;

/**
 * What makes a device's stored weights and reads differ from their targets (the accuracy side of
 * a design; docs/reference/accuracy.md holds the sources). All spreads are standard deviations
 * relative to the device's largest conductance G_max (= g_on) unless said otherwise.
 *
 * @param programmingFit   how the programming spread depends on the target level
 * @param programmingSigma the relative sigma of {@link ProgrammingFit#CONSTANT}
 * @param readNoise        relative sigma of one read, of the cell's own conductance (cycle to cycle)
 * @param driftNu          mean drift exponent ν of G(t) = G(t0)·(t/t0)^−ν
 * @param driftNuSigma     spread of ν from cell to cell (what a global drift compensation cannot remove)
 * @param driftT0S         time after programming at which G is the programmed value, s
 * @param driftAtS         time after programming at which the network is read, s (≥ t0)
 * @param stuckAtHrs       probability that a cell is stuck in its high-resistance state (SA0, G_min)
 * @param stuckAtLrs       probability that a cell is stuck in its low-resistance state (SA1, G_max)
 * @param wireResistance   resistance of the wire segment between two neighbouring cells of a line, Ω
 */
public record NonIdealities(ProgrammingFit programmingFit, double programmingSigma, double readNoise, double driftNu,
                            double driftNuSigma, double driftT0S, double driftAtS, double stuckAtHrs, double stuckAtLrs,
                            double wireResistance) {
    /** MNSIM 2.0's default stuck-at rates (Device_SAF: 0.1 % SA0, 0.1 % SA1). */
    public static final double MNSIM_STUCK_AT = 0.001;
    /**
     * aihwkit's default wire segment: {@code ir_drop_g_ratio} = 1/(0.35 Ω × 5 µS)
     * ({@code simulator/parameters/io.py}), i.e. 0.35 Ω per cell.
     */
    public static final double AIHWKIT_WIRE_OHM = 0.35;
    /** aihwkit ReRamWan2022NoiseModel: about 1 % read noise, added separately from programming. */
    public static final double RRAM_READ_NOISE = 0.01;
    /**
     * PCM 1/f read noise of aihwkit pcm.py, σ = q_s·√ln((t + t_r)/(2 t_r)) with q_s = 0.0088/g^0.65
     * at g = 1, t = 1 s, t_r = 250 ns: 0.0088 × √ln(2e6) = 0.034 [D].
     */
    public static final double PCM_READ_NOISE = 0.0088 * Math.sqrt(Math.log((1 + 250e-9) / (2 * 250e-9)));
    /**
     * PCM drift of aihwkit pcm.py: ν ~ N(μ, σ) with μ = clip(−0.0155 ln g + 0.0244, 0.049, 0.1) and
     * σ = clip(−0.0125 ln g − 0.0059, 0.008, 0.045), which are 0.049 and 0.008 for every g ≥ 0.33 [D];
     * t0 = 20 s.
     */
    public static final double PCM_NU = 0.049;
    public static final double PCM_NU_SIGMA = 0.008;
    public static final double PCM_T0_S = 20;

    public NonIdealities {
        Checks.notNull("programmingFit", programmingFit);
        Checks.nonNegative("programming_error", programmingSigma);
        Checks.nonNegative("read_noise", readNoise);
        Checks.nonNegative("drift.nu", driftNu);
        Checks.nonNegative("drift.nu_sigma", driftNuSigma);
        Checks.positive("drift.t0", driftT0S);
        Checks.positive("drift.at", driftAtS);
        if (driftAtS < driftT0S) {
            throw new IllegalArgumentException("drift.at must be at least drift.t0");
        }
        probability("stuck_at.hrs", stuckAtHrs);
        probability("stuck_at.lrs", stuckAtLrs);
        if (stuckAtHrs + stuckAtLrs > 1) {
            throw new IllegalArgumentException("stuck_at.hrs + stuck_at.lrs must be at most 1");
        }
        Checks.nonNegative("wire_resistance", wireResistance);
    }

    private static void probability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability in 0..1, found " + p);
        }
    }

    /**
     * The defaults of a device kind. {@code variability} (the device's older key, a constant
     * relative sigma) replaces the kind's programming fit when it is positive. RRAM: the NeuRRAM
     * write-verify fit, 1 % read noise, no drift; PCM: the aihwkit/Nandakumar fit, 1/f read noise
     * at 1 s and drift from 20 s; other kinds: no source in the references, so no programming or
     * read spread unless given. Every kind: MNSIM's 0.1 %/0.1 % stuck-at rates and aihwkit's 0.35 Ω
     * wire segment. Read at t0 (drift only when {@code drift.at} is given).
     */
    public static NonIdealities defaults(DeviceKind kind, double variability) {
        ProgrammingFit fit;
        double read;
        double nu = 0;
        double nuSigma = 0;
        double t0 = 1;
        switch (kind) {
            case RRAM:
                fit = ProgrammingFit.RRAM_WAN_2022;
                read = RRAM_READ_NOISE;
                break;
            case PCM:
                fit = ProgrammingFit.PCM_NANDAKUMAR_2019;
                read = PCM_READ_NOISE;
                nu = PCM_NU;
                nuSigma = PCM_NU_SIGMA;
                t0 = PCM_T0_S;
                break;
            default:
                fit = ProgrammingFit.CONSTANT;
                read = 0;
                break;
        }
        if (variability > 0) {
            fit = ProgrammingFit.CONSTANT;
        }
        return new NonIdealities(fit, variability, read, nu, nuSigma, t0, t0, MNSIM_STUCK_AT, MNSIM_STUCK_AT,
                AIHWKIT_WIRE_OHM);
    }

    /** No non-ideality at all (ideal arithmetic). */
    public static final NonIdealities IDEAL = new NonIdealities(ProgrammingFit.CONSTANT, 0, 0, 0, 0, 1, 1, 0, 0, 0);

    /** Programming sigma of a cell programmed to g = G/G_max, relative to G_max. */
    public double programmingSigma(double g) {
        return programmingFit.relativeSigma(g, programmingSigma);
    }

    /**
     * The relative conductance spread drift leaves at {@code driftAtS} after a global drift
     * compensation (one factor for the whole array, which removes the mean ν): the cell-to-cell
     * spread of (t/t0)^−ν, first order |ln(t/t0)|·σ_ν.
     */
    public double driftSigma() {
        return Math.abs(Math.log(driftAtS / driftT0S)) * driftNuSigma;
    }

    /** A copy with {@code field} changed (for sweeps and the functional tests). */
    public NonIdealities withProgramming(ProgrammingFit fit, double sigma) {
        return new NonIdealities(fit, sigma, readNoise, driftNu, driftNuSigma, driftT0S, driftAtS, stuckAtHrs, stuckAtLrs,
                wireResistance);
    }
}
