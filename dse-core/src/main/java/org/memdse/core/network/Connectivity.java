package org.memdse.core.network;

import java.util.Optional;
import org.memdse.core.spec.Keyed;

/**
 * How a projection connects a presynaptic to a postsynaptic population, neuron by neuron
 * ({@link Connections} enumerates the synapses each pattern makes).
 */
public enum Connectivity implements Keyed {
    /** all-to-all: every presynaptic neuron to every postsynaptic one (also written {@code all-to-all}). */
    DENSE("dense"),
    /** random: each pair connected with a given probability, the pairs drawn from a seed (also written {@code random}). */
    SPARSE("sparse"),
    /** neuron i to neuron i. */
    ONE_TO_ONE("one-to-one"),
    /** neuron i to every neuron j != i of a population of the same size (lateral inhibition). */
    ALL_BUT_SELF("all-but-self"),
    /** a shared kernel slid over a [channels, height, width] population (also written {@code convolution}). */
    CONV("conv"),
    /** an explicit list of (presynaptic, postsynaptic) index pairs read from a file. */
    FILE("file");

    private final String key;

    Connectivity(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /** The other names a network file may use for a pattern: the and the literature's words. */
    public static Optional<Connectivity> alias(String text) {
        return switch (text) {
            case "all-to-all" -> Optional.of(DENSE);
            case "random" -> Optional.of(SPARSE);
            case "convolution" -> Optional.of(CONV);
            default -> Optional.empty();
        };
    }
}
