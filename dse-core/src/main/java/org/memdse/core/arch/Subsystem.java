package org.memdse.core.arch;

/**
 * A block of Fig. 4: an array of tiles/cores, the encoder, the integration interface, AD/DA, a
 * global buffer, or the analog front end's reservoir array.
 */
public sealed interface Subsystem permits TileArray, Encoder, IntegrationInterface, AdDa, GlobalBuffer,
        ReservoirArray {
    /** The subsystem's name under {@code subsystems:}. */
    String name();

    /** Endpoints it attaches to the on-chip network (one per tile or core; one for the others). */
    int networkEndpoints();
}
