package org.memdse.core.network;

import java.util.Objects;
import org.memdse.core.arch.NeuronModel;

/**
 * A population of spiking neurons. Its size and shape come from the projections into it (all
 * must agree); {@code neurons}, when given, is checked against them. Its time steps are those of
 * its inputs.
 *
 * @param neurons    expected neuron count, checked; 0 = take it from the inputs
 * @param model      IF, LIF or adaptive LIF
 * @param threshold  firing threshold in volts, NaN when not given
 * @param tauMem     membrane (leak) time constant in seconds, NaN when not given (IF neurons have none)
 * @param tauAdapt   threshold-adaptation time constant in seconds (adaptive LIF), NaN when not given
 * @param firingRate expected spikes per neuron per time step (0..1)
 */
public record Population(String name, int neurons, NeuronModel model, double threshold, double tauMem,
                         double tauAdapt, double firingRate) implements NetworkNode {
    public Population {
        NetworkNode.requireName(name);
        Objects.requireNonNull(model, "model");
        if (neurons < 0) {
            throw new IllegalArgumentException("neurons: must be at least 0, found " + neurons);
        }
        checkRate(firingRate);
    }

    static void checkRate(double firingRate) {
        if (!(firingRate >= 0 && firingRate <= 1)) {
            throw new IllegalArgumentException("firingRate: spikes per neuron per time step must be in 0..1, found " + firingRate);
        }
    }

    @Override
    public NodeKind kind() {
        return NodeKind.POPULATION;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
