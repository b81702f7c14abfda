package org.memdse.core.arch;

/**
 * A buffer (memory) of a macro or tile.
 *
 * @param name         role, e.g. {@code input}, {@code output}; unique within its owner
 * @param kind         memory technology
 * @param capacityBits capacity in bits
 * @param widthBits    access width in bits (one read or write moves this much)
 * @param figures      published figures for one buffer (energy per access)
 */
public record Buffer(String name, BufferKind kind, double capacityBits, double widthBits, PublishedFigures figures) {
    public Buffer {
        Checks.notNull("name", name);
        Checks.notNull("kind", kind);
        Checks.positive("buffer.capacity", capacityBits);
        Checks.positive("buffer.width", widthBits);
        Checks.notNull("figures", figures);
    }
}
