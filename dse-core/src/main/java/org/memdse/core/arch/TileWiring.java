package org.memdse.core.arch;

import java.util.OptionalDouble;

/**
 * The wires inside a tile that carry input bits from its buffers to its macros and partial sums
 * back (ISAAC's eDRAM-to-IMA bus, DNN+NeuroSim's tile H-tree).
 *
 * @param topology  H-tree (default) or bus
 * @param widthBits wires, one bit each; empty: the tile-level buffers' widths added up (ISAAC: 256-bit eDRAM
 *                  + 128-bit output register = its 384 wires), else the macro buffers', else 64
 * @param figures   published figures for one tile's wiring (area, power, energy per word moved)
 */
public record TileWiring(WiringTopology topology, OptionalDouble widthBits, PublishedFigures figures) {
    /** An H-tree as wide as the tile's buffers, priced by the model. */
    public static final TileWiring DEFAULT = new TileWiring(WiringTopology.HTREE, OptionalDouble.empty(), PublishedFigures.NONE);
    /** Width when the tile has no buffer to size it by. */
    public static final double FALLBACK_WIDTH_BITS = 64;

    public TileWiring {
        Checks.notNull("topology", topology);
        Checks.notNull("widthBits", widthBits);
        if (widthBits.isPresent()) {
            Checks.positive("wiring.width", widthBits.getAsDouble());
        }
        Checks.notNull("figures", figures);
    }

    /** The wires of a tile of {@code template}: the given width, else its buffers' widths added up. */
    public double widthBits(CimTileTemplate template) {
        if (widthBits.isPresent()) {
            return widthBits.getAsDouble();
        }
        java.util.List<Buffer> buffers = !template.buffers().isEmpty() ? template.buffers() : template.macro().buffers();
        double sum = buffers.stream().mapToDouble(Buffer::widthBits).sum();
        return sum > 0 ? sum : FALLBACK_WIDTH_BITS;
    }
}
