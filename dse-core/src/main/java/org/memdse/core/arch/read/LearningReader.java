package org.memdse.core.arch.read;

import java.util.Optional;
import java.util.OptionalDouble;
import org.memdse.core.arch.ActivationProducts;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.DeviceWrite;
import org.memdse.core.arch.GradientUnit;
import org.memdse.core.arch.Learning;
import org.memdse.core.arch.LearningRule;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.arch.ProductPlacement;
import org.memdse.core.arch.UpdateScheme;
import org.memdse.core.spec.SpecMap;
import org.memdse.core.spec.SpecNode;

/**
 * Reads a device's {@code write:} block and a tile's or core's {@code learning:} block, with
 * the checks that tie them together: a learning tile needs a device that can be written, a rule
 * must suit what runs it (spike-timing rules need spiking neurons, backprop needs a derivative),
 * and each rule's own keys only. The keys are the README's ("Learning").
 */
final class LearningReader {
    private static final String RULES = "none, in-situ-backprop, stdp-pair, stdp-triplet or reward-modulated";

    private LearningReader() {
    }

    /**
     * A device's write parameters. SET/RESET voltages and widths default to the device's
     * {@code v_write} and {@code write_time} when those are given; the conductance range to
     * 1/r_off .. 1/r_on; the pulse levels to the device's levels.
     *
     * @param deviceEndurance the device-level {@code endurance} key, if written
     */
    static DeviceWrite readWrite(SpecMap w, double rOn, double rOff, int levels, double vWrite, double writeTime,
                                 Optional<SpecNode> deviceEndurance) {
        int pulses = w.integer("levels", ArchitectureBounds.WRITE_LEVELS, levels);
        double[] set = pulse(w, "set", vWrite, writeTime);
        double[] reset = pulse(w, "reset", vWrite, writeTime);
        double gMin = w.optionalQuantity("g_min", ArchitectureBounds.CONDUCTANCE_STATE).orElse(1 / rOff);
        double gMax = w.optionalQuantity("g_max", ArchitectureBounds.CONDUCTANCE_STATE).orElse(1 / rOn);
        if (gMax <= gMin) {
            w.get("g_max").or(() -> w.get("g_min")).orElse(w.node()).error("expected g_max above g_min, found "
                    + gMax + " S <= " + gMin + " S; the conductance range runs from g_min up to g_max");
            gMax = gMin * 2;
        }
        double nlLtp = 0;
        double nlLtd = 0;
        Optional<SpecMap> nl = w.optionalMap("nonlinearity");
        if (nl.isPresent()) {
            nlLtp = nl.get().optionalQuantity("ltp", ArchitectureBounds.NONLINEARITY).orElse(0);
            nlLtd = nl.get().optionalQuantity("ltd", ArchitectureBounds.NONLINEARITY).orElse(0);
        }
        double c2c = w.optionalQuantity("c2c", ArchitectureBounds.CYCLE_VARIATION).orElse(0);
        double d2d = w.optionalQuantity("d2d", ArchitectureBounds.DEVICE_VARIATION).orElse(0);
        OptionalDouble endurance = w.optionalQuantity("endurance", ArchitectureBounds.WRITE_ENDURANCE);
        if (endurance.isPresent() && deviceEndurance.isPresent()) {
            w.get("endurance").orElseThrow().error("endurance is given twice, here and at line "
                    + deviceEndurance.get().position().line() + "; keep the one under write:");
        }
        double cycles = endurance.isPresent() ? endurance.getAsDouble()
                : deviceEndurance.map(n -> n.asQuantity(ArchitectureBounds.WRITE_ENDURANCE)).orElse(1e6);
        if (endurance.isEmpty() && deviceEndurance.isEmpty()) {
            w.missing("endurance", "write pulses a cell survives, e.g. 1e6; lifetime is counted from it");
            cycles = 1e6;
        }
        // Ten years, the usual nonvolatile-memory retention target, when not given.
        double retention = w.optionalQuantity("retention", ArchitectureBounds.RETENTION).orElse(10 * 365.25 * 86400);
        return new DeviceWrite(pulses, set[0], set[1], reset[0], reset[1], gMin, gMax, nlLtp, nlLtd, c2c, d2d,
                Math.max(1, cycles), retention);
    }

    /** {@code set:} or {@code reset:}: voltage and width, defaulting to the device's v_write and write_time. */
    private static double[] pulse(SpecMap w, String key, double vWrite, double writeTime) {
        Optional<SpecMap> p = w.optionalMap(key);
        if (p.isEmpty()) {
            if (vWrite <= 0 || writeTime <= 0) {
                w.missing(key, "voltage and width of the " + key.toUpperCase(java.util.Locale.ROOT)
                        + " pulse, e.g. {voltage: 2 V, width: 50 ns} (or v_write and write_time on the device)");
            }
            return new double[] {vWrite > 0 ? vWrite : 1, writeTime > 0 ? writeTime : 1e-8};
        }
        SpecMap m = p.get();
        double v = vWrite > 0 ? m.optionalQuantity("voltage", ArchitectureBounds.WRITE_VOLTAGE).orElse(vWrite)
                : m.quantity("voltage", ArchitectureBounds.WRITE_VOLTAGE, "pulse amplitude, e.g. '2 V'");
        double t = writeTime > 0 ? m.optionalQuantity("width", ArchitectureBounds.WRITE_WIDTH).orElse(writeTime)
                : m.quantity("width", ArchitectureBounds.WRITE_WIDTH, "pulse width, e.g. '50 ns'");
        return new double[] {v > 0 ? v : 1, t > 0 ? t : 1e-8};
    }

    /**
     * A cim-tile template's {@code activation_products:} block: where products of two computed
     * tensors run, and on rewritten crossbars how their cells are written (the device must have
     * write parameters: the write model prices every rewrite).
     *
     * @param device     the tile's crossbar device, or null when it could not be read (no device checks)
     * @param devicePath where the device is named, for the message
     */
    static ActivationProducts readActivationProducts(SpecMap p, Device device, String devicePath) {
        ProductPlacement runOn = p.enumValue("run_on", ProductPlacement.class, ProductPlacement.DIGITAL);
        if (runOn != ProductPlacement.REWRITTEN_CROSSBARS) {
            // Digital (or a value already reported as wrong): the write keys configure nothing.
            p.entries();
            return ActivationProducts.DIGITAL;
        }
        SpecNode at = p.get("run_on").orElse(p.node());
        if (device != null && device.write().isEmpty()) {
            at.error("rewritten-crossbars writes each product's B operand (attention's K^T or V) into the cells for "
                    + "every input, but device '" + device.name() + "' (" + devicePath + ") has no write parameters; "
                    + "add write: {levels, set: {voltage, width}, reset: {voltage, width}, endurance} under devices."
                    + device.name() + ", or set run_on: digital");
        }
        UpdateScheme scheme = p.enumValue("scheme", UpdateScheme.class, UpdateScheme.OPEN_LOOP);
        if (scheme == UpdateScheme.STOCHASTIC_OUTER_PRODUCT || scheme == UpdateScheme.MIXED_PRECISION) {
            p.get("scheme").orElseThrow().error("expected open-loop, incremental-step or write-verify, found '"
                    + scheme.key() + "': a rewrite sets each cell's whole value, and " + scheme.key()
                    + " accumulates small updates");
            scheme = UpdateScheme.OPEN_LOOP;
        }
        int iterations = 1;
        double tolerance = 0.5;
        if (scheme == UpdateScheme.WRITE_VERIFY) {
            iterations = p.integer("max_iterations", ArchitectureBounds.MAX_ITERATIONS,
                    "most program-and-verify iterations per cell, e.g. 10");
            tolerance = p.optionalQuantity("tolerance", ArchitectureBounds.TOLERANCE).orElse(0.5);
        } else {
            UpdateScheme s = scheme;
            for (String key : new String[] {"max_iterations", "tolerance"}) {
                p.get(key).ifPresent(n -> n.error(key + " bounds a write-verify loop; scheme " + (s == null
                        ? "open-loop" : s.key()) + " has none: remove it or set scheme: write-verify"));
            }
        }
        return ActivationProducts.rewritten(scheme == null ? UpdateScheme.OPEN_LOOP : scheme, Math.max(1, iterations),
                tolerance > 0 ? tolerance : 0.5);
    }

    /**
     * A {@code learning:} block.
     *
     * @param neuron     the core's neuron model, or null on a CIM tile
     * @param device     the device the learning writes, or null when it could not be read (no device checks)
     * @param devicePath where the device is named, for the message
     */
    static Learning readLearning(SpecMap l, NeuronModel neuron, Device device, String devicePath) {
        LearningRule rule = l.enumValue("rule", LearningRule.class, RULES);
        if (rule == LearningRule.NONE) {
            // Inference only (or a rule already reported as wrong): the other keys configure nothing.
            l.entries();
            return Learning.NONE;
        }
        SpecNode ruleNode = l.get("rule").orElse(l.node());
        boolean cimTile = neuron == null;
        if (cimTile && rule.spiking()) {
            ruleNode.error("a CIM tile has no spiking neurons to time: " + rule.key() + " runs on snn-core templates; "
                    + "use in-situ-backprop (or none) here");
        } else if (!cimTile && rule == LearningRule.IN_SITU_BACKPROP) {
            ruleNode.error("the core's neuron model '" + neuron.key() + "' fires spikes and has no derivative for a "
                    + "backward pass: in-situ-backprop runs on cim-tile templates; use stdp-pair, stdp-triplet or "
                    + "reward-modulated here");
        }
        if (device != null && device.write().isEmpty()) {
            ruleNode.error("learning writes the cells, but device '" + device.name() + "' (" + devicePath
                    + ") has no write parameters; add write: {levels, set: {voltage, width}, reset: {voltage, width}, "
                    + "endurance} under devices." + device.name());
        }
        boolean backprop = rule == LearningRule.IN_SITU_BACKPROP;
        int batch = 1;
        int samples = 1;
        int epochs = 1;
        double rate = 0;
        GradientUnit gradient = GradientUnit.DIGITAL;
        boolean offChip = true;
        if (backprop) {
            batch = l.integer("batch_size", ArchitectureBounds.BATCH_SIZE, "training samples per weight update, e.g. 200");
            samples = l.integer("samples_per_epoch", ArchitectureBounds.SAMPLES_PER_EPOCH,
                    "training samples in one epoch, e.g. 50000 for CIFAR-10");
            epochs = l.integer("epochs", ArchitectureBounds.EPOCHS, 1);
            gradient = l.enumValue("gradient_unit", GradientUnit.class, GradientUnit.DIGITAL);
            offChip = l.bool("dram_staging", true);
            l.get("event_rate").ifPresent(n -> n.error("event_rate paces spike-timing rules; in-situ-backprop "
                    + "updates once per batch_size samples: remove it"));
        } else if (rule.spiking()) {
            rate = l.quantity("event_rate", ArchitectureBounds.EVENT_RATE,
                    "synaptic updates per synapse per second, e.g. '10 Hz'");
            for (String key : new String[] {"batch_size", "samples_per_epoch", "epochs", "gradient_unit", "dram_staging"}) {
                l.get(key).ifPresent(n -> n.error(key + " belongs to in-situ-backprop; " + rule.key()
                        + " updates a synapse at each of its spike events (event_rate): remove it"));
            }
        }
        UpdateScheme scheme = UpdateScheme.OPEN_LOOP;
        int iterations = 1;
        double tolerance = 0.5;
        double steps = 1;
        int train = 31;
        Optional<SpecMap> u = l.optionalMap("update");
        if (u.isPresent()) {
            SpecMap m = u.get();
            scheme = m.enumValue("scheme", UpdateScheme.class, UpdateScheme.OPEN_LOOP);
            steps = m.optionalQuantity("steps", ArchitectureBounds.UPDATE_STEPS).orElse(1);
            if (scheme == UpdateScheme.WRITE_VERIFY) {
                iterations = m.integer("max_iterations", ArchitectureBounds.MAX_ITERATIONS,
                        "most program-and-verify iterations per cell, e.g. 10");
                tolerance = m.optionalQuantity("tolerance", ArchitectureBounds.TOLERANCE).orElse(0.5);
            } else {
                for (String key : new String[] {"max_iterations", "tolerance"}) {
                    m.get(key).ifPresent(n -> n.error(key + " bounds a write-verify loop; scheme "
                            + m.get("scheme").map(SpecNode::asString).orElse("open-loop") + " has none: remove it "
                            + "or set scheme: write-verify"));
                }
            }
            if (scheme == UpdateScheme.STOCHASTIC_OUTER_PRODUCT) {
                train = m.integer("pulse_train", ArchitectureBounds.PULSE_TRAIN, 31);
            } else {
                m.get("pulse_train").ifPresent(n -> n.error("pulse_train is the stochastic outer product's: remove it "
                        + "or set scheme: stochastic-outer-product"));
            }
        }
        return new Learning(rule, Math.max(1, batch), Math.max(1, samples), Math.max(1, epochs), Math.max(0, rate),
                scheme, Math.max(1, iterations), tolerance > 0 ? tolerance : 0.5, steps > 0 ? steps : 1,
                Math.max(1, train), gradient == null ? GradientUnit.DIGITAL : gradient, offChip);
    }
}
