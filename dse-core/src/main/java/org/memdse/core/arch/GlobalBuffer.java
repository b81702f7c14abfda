package org.memdse.core.arch;

/**
 * A chip-level buffer that every crossbar layer reads its inputs from and writes its outputs back
 * to in layer-by-layer execution (DNN+NeuroSim's global buffer, Timeloop's global buffer level).
 * It moves {@code banks} lines of the buffer's width per access, over its own bus to the tiles,
 * so it takes no port on the on-chip network.
 *
 * @param name   subsystem name
 * @param buffer the memory: kind, capacity, line width and published figures (for the whole buffer)
 * @param banks  lines moved in parallel per access (NeuroSim's example: min(64 cores, ⌈1512-bit bus / 128⌉) = 12)
 */
public record GlobalBuffer(String name, Buffer buffer, int banks) implements Subsystem {
    public static final String KIND = "global-buffer";

    public GlobalBuffer {
        Checks.notNull("name", name);
        Checks.notNull("buffer", buffer);
        Checks.atLeast("banks", banks, 1);
    }

    /** Bits moved per access: banks × line width. */
    public double bitsPerAccess() {
        return banks * buffer.widthBits();
    }

    @Override
    public int networkEndpoints() {
        return 0;
    }
}
