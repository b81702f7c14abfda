package org.memdse.core.network;

/**
 * A memristive reservoir (delay-based reservoir computing on dynamic memristors, as in Zhong et
 * al., Nat. Commun. 12, 408 (2021)). Each physical node is one dynamic (volatile) memristor whose
 * conductance rises with each input pulse and decays with time constant {@code tau}: its fading
 * memory is the reservoir's recurrence. Each input value is multiplied by an input mask of
 * {@code maskLength} values and applied as that many pulses of {@code pulseWidth}, one after
 * another, so one device yields {@code maskLength} virtual nodes by time multiplexing; {@code
 * parallel} reservoirs with different masks multiply the devices and the virtual nodes. The
 * states (the devices' currents after each pulse) are sampled and go to a trained readout, a
 * crossbar layer after this node.
 *
 * @param nodes       physical nodes (dynamic memristors) of one reservoir
 * @param maskLength  mask values per input value: virtual nodes per physical node
 * @param parallel    reservoirs side by side, each with its own mask (1 for one reservoir)
 * @param tau         the devices' decay time constant, s
 * @param pulseWidth  width of one masked input pulse (one virtual node's time slot), s
 * @param pulseEnergy energy one pulse dissipates in one device, J; NaN: the architecture's
 *                    reservoir array gives it (its pulse power over this pulse width)
 */
public record Reservoir(String name, int nodes, int maskLength, int parallel, double tau, double pulseWidth,
                        double pulseEnergy) implements NetworkNode {
    public Reservoir {
        NetworkNode.requireName(name);
        if (nodes < 1 || maskLength < 1 || parallel < 1) {
            throw new IllegalArgumentException("reservoir '" + name + "': nodes, mask length and parallel reservoirs "
                    + "must be at least 1, found " + nodes + ", " + maskLength + ", " + parallel);
        }
        if (!(tau > 0) || !(pulseWidth > 0) || pulseEnergy <= 0) {
            throw new IllegalArgumentException("reservoir '" + name + "': tau and pulse width must be positive, "
                    + "pulse energy positive or NaN");
        }
    }

    /** Dynamic memristors all reservoirs need: nodes x parallel. */
    public long devices() {
        return (long) nodes * parallel;
    }

    /**
     * Virtual nodes per input time step (the reservoir state's size): devices x mask length. Shape
     * inference rejects a reservoir whose product passes an int before anything calls this; the
     * exact product fails loudly rather than wrap to a negative count if that check is bypassed.
     */
    public long virtualNodes() {
        return Math.multiplyExact(devices(), (long) maskLength);
    }

    /** Whether the pulse energy is given here (otherwise the architecture's reservoir array gives it). */
    public boolean hasPulseEnergy() {
        return !Double.isNaN(pulseEnergy);
    }

    @Override
    public NodeKind kind() {
        return NodeKind.RESERVOIR;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
