package org.memdse.core.network;

import java.util.Objects;

/**
 * The interface for spatiotemporal integration between the SNN and ANN parts (Fig. 4).
 * Spike-to-voltage integrates each neuron's spikes over the time window into one activation of
 * {@code activationBits}; voltage-to-spike encodes activations as spike trains.
 *
 * @param activationBits bits of the activations produced (spike-to-voltage; 0 = the network default)
 * @param encoding       spike code (voltage-to-spike; {@code null} otherwise)
 * @param timeSteps      time steps of the spike trains produced (voltage-to-spike; 0 otherwise)
 * @param firingRate     expected spikes per value per time step (voltage-to-spike; 0 otherwise)
 */
public record Integration(String name, IntegrationDirection direction, int activationBits, Encoding encoding,
                          int timeSteps, double firingRate) implements NetworkNode {
    public Integration {
        NetworkNode.requireName(name);
        Objects.requireNonNull(direction, "direction");
        if (activationBits < 0) {
            throw new IllegalArgumentException("activationBits: must be at least 0, found " + activationBits);
        }
        if (direction == IntegrationDirection.VOLTAGE_TO_SPIKE) {
            Objects.requireNonNull(encoding, "encoding");
            if (timeSteps < 1) {
                throw new IllegalArgumentException("timeSteps: must be at least 1, found " + timeSteps);
            }
            Population.checkRate(firingRate);
        }
    }

    public static Integration spikeToVoltage(String name, int activationBits) {
        return new Integration(name, IntegrationDirection.SPIKE_TO_VOLTAGE, activationBits, null, 0, 0);
    }

    public static Integration voltageToSpike(String name, Encoding encoding, int timeSteps, double firingRate) {
        return new Integration(name, IntegrationDirection.VOLTAGE_TO_SPIKE, 0, encoding, timeSteps, firingRate);
    }

    @Override
    public NodeKind kind() {
        return NodeKind.INTEGRATION;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
