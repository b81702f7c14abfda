package org.memdse.core.network;

import java.util.Objects;

/**
 * The multimodal data-encoding module's part of the network: sensor data of a given shape
 * turned into spike trains.
 *
 * @param shape      sensor channels, or [channels, height, width] for an image sensor
 * @param encoding   rate, temporal (latency) or delta
 * @param timeSteps  time steps per inference
 * @param firingRate expected spikes per input per time step (0..1)
 */
public record Encoder(String name, Shape shape, Encoding encoding, int timeSteps, double firingRate)
        implements NetworkNode {
    public Encoder {
        NetworkNode.requireName(name);
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(encoding, "encoding");
        if (timeSteps < 1) {
            throw new IllegalArgumentException("timeSteps: must be at least 1, found " + timeSteps);
        }
        Population.checkRate(firingRate);
    }

    @Override
    public NodeKind kind() {
        return NodeKind.ENCODER;
    }

    @Override
    public boolean isSource() {
        return true;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
