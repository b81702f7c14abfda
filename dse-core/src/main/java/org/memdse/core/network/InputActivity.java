package org.memdse.core.network;

import java.util.Objects;

/**
 * The input-bit density of one crossbar layer (conv2d, linear, lstm, gru) and where it comes
 * from: the share of the bits of the layer's input activations that are 1. A bit-serial crossbar
 * drives a row, and its cells conduct, only for a 1, so the array read and row-driver energy of
 * the layer scale with it.
 *
 * @param density     share of input bits that are 1, in (0, 1]
 * @param source      where the figure comes from
 * @param description the source in words, as {@code memdse network} prints it: "given",
 *                    "network's input_bit_density", "override", "default after relu", ...
 */
public record InputActivity(double density, Source source, String description) {
    /** Where a layer's input-bit density comes from, strongest first. */
    public enum Source {
        /** An override of every layer (the command line's {@code --input-bit-density}). */
        OVERRIDE,
        /** The layer's own {@code input_bit_density} key (or a sweep's layer path). */
        LAYER,
        /** The network's {@code input_bit_density} key (or a sweep's {@code network.input_bit_density}). */
        NETWORK,
        /** The default for the activation that produced the layer's input ({@link ActivityDefaults}). */
        DEFAULT
    }

    public InputActivity {
        NetworkGraph.checkDensity(density);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(description, "description");
    }
}
