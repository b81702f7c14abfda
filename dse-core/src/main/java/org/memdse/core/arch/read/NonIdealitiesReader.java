package org.memdse.core.arch.read;

import java.util.Optional;
import org.memdse.core.arch.CircuitNoise;
import org.memdse.core.arch.DeviceKind;
import org.memdse.core.arch.NonIdealities;
import org.memdse.core.arch.ProgrammingFit;
import org.memdse.core.spec.SpecMap;
import org.memdse.core.spec.SpecNode;

/**
 * Reads the {@code nonidealities:} blocks: a device's (programming error, read noise, drift,
 * stuck-at faults, wire resistance) and a macro's (ADC offset and noise, analog-transfer noise).
 * What is not given takes the kind's default ({@link NonIdealities#defaults}).
 */
final class NonIdealitiesReader {
    private NonIdealitiesReader() {
    }

    /**
     * A device's non-idealities: its {@code nonidealities:} block over the kind's defaults.
     * {@code variability} is the older key for a constant programming sigma; giving it and
     * {@code nonidealities.programming_error} both is an error (which would win is not obvious).
     */
    static NonIdealities device(SpecMap device, DeviceKind kind, double variability) {
        NonIdealities d = NonIdealities.defaults(kind, variability);
        Optional<SpecMap> block = device.optionalMap("nonidealities");
        if (block.isEmpty()) {
            return d;
        }
        SpecMap m = block.get();
        ProgrammingFit fit = d.programmingFit();
        double sigma = d.programmingSigma();
        Optional<SpecNode> pe = m.get("programming_error");
        if (pe.isPresent()) {
            if (device.has("variability")) {
                pe.get().error("programming_error and the device's variability both give the programming spread; "
                        + "keep one (variability: 0.05 is programming_error: 0.05)");
            }
            SpecNode n = pe.get();
            String text = n.isScalar() ? n.asText("a relative sigma or a fit").orElse("").trim() : "";
            if (!text.isEmpty() && Character.isLetter(text.charAt(0))) {
                fit = n.asEnum(ProgrammingFit.class);
                sigma = 0;
            } else {
                fit = ProgrammingFit.CONSTANT;
                sigma = n.asQuantity(ArchitectureBounds.PROGRAMMING_ERROR);
            }
        }
        double read = m.optionalQuantity("read_noise", ArchitectureBounds.READ_NOISE).orElse(d.readNoise());
        double nu = d.driftNu();
        double nuSigma = d.driftNuSigma();
        double t0 = d.driftT0S();
        double at = d.driftAtS();
        Optional<SpecMap> drift = m.optionalMap("drift");
        if (drift.isPresent()) {
            SpecMap dm = drift.get();
            nu = dm.optionalQuantity("nu", ArchitectureBounds.DRIFT_NU).orElse(nu);
            nuSigma = dm.optionalQuantity("nu_sigma", ArchitectureBounds.DRIFT_NU).orElse(nuSigma);
            t0 = dm.optionalQuantity("t0", ArchitectureBounds.DRIFT_TIME).orElse(t0);
            at = dm.optionalQuantity("at", ArchitectureBounds.DRIFT_TIME).orElse(Math.max(at, t0));
            if (at < t0) {
                dm.get("at").orElseThrow().error("drift.at (time since programming) must be at least drift.t0 ("
                        + t0 + " s), where the drift law starts");
                at = t0;
            }
        }
        double hrs = d.stuckAtHrs();
        double lrs = d.stuckAtLrs();
        Optional<SpecMap> stuck = m.optionalMap("stuck_at");
        if (stuck.isPresent()) {
            SpecMap s = stuck.get();
            hrs = s.optionalQuantity("hrs", ArchitectureBounds.STUCK_AT).orElse(hrs);
            lrs = s.optionalQuantity("lrs", ArchitectureBounds.STUCK_AT).orElse(lrs);
            if (hrs + lrs > 1) {
                s.node().error("stuck_at.hrs + stuck_at.lrs is " + (hrs + lrs)
                        + ": a cell cannot be stuck in both states; the two rates add up to at most 1");
                hrs = 0;
                lrs = 0;
            }
        }
        double wire = m.optionalQuantity("wire_resistance", ArchitectureBounds.WIRE_RESISTANCE).orElse(d.wireResistance());
        return new NonIdealities(fit, sigma, read, nu, nuSigma, t0, at, hrs, lrs, wire);
    }

    /** A macro's {@code nonidealities:} block (ideal when absent). */
    static CircuitNoise macro(SpecMap macro) {
        Optional<SpecMap> block = macro.optionalMap("nonidealities");
        if (block.isEmpty()) {
            return CircuitNoise.IDEAL;
        }
        SpecMap m = block.get();
        return new CircuitNoise(m.optionalQuantity("adc_offset", ArchitectureBounds.ADC_NOISE).orElse(0),
                m.optionalQuantity("adc_noise", ArchitectureBounds.ADC_NOISE).orElse(0),
                m.optionalQuantity("transfer_noise", ArchitectureBounds.TRANSFER_NOISE).orElse(0));
    }
}
