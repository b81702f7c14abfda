package org.memdse.core.arch;

import java.util.List;

/**
 * A compute-in-memory tile: {@code macros} identical macros plus tile-level buffers and
 * digital units (Fig. 4's "distributed processing cores").
 *
 * @param name    template name
 * @param macros  macros per tile
 * @param macro   the macro
 * @param buffers tile-level buffers (e.g. ISAAC's eDRAM)
 * @param digital tile-level digital units
 * @param figures published figures for the tile's own overhead (bus, control), per tile
 * @param analogTransfer whether a layer's analog column outputs pass straight to the next crossbar
 *                layer on tiles of this template (analog activation, e.g. ReLU neurons, with a
 *                sample-and-hold) instead of through an ADC and the next layer's DACs
 * @param inputLoading how crossbar layers' inputs move from the tile buffer to the arrays: each
 *                activation once, or the whole window per output position (NeuroSim's dataflow)
 * @param wiring  the wires from the tile's buffers to its macros
 * @param learning on-chip training of the tile's arrays ({@link Learning#NONE}: inference only)
 * @param activationProducts where products of two computed tensors run (attention's Q·Kᵀ and
 *                softmax·V): digital units, or crossbars rewritten per input
 */
public record CimTileTemplate(String name, int macros, Macro macro, List<Buffer> buffers, List<DigitalUnit> digital,
                              PublishedFigures figures, boolean analogTransfer, InputLoading inputLoading,
                              TileWiring wiring, Learning learning, ActivationProducts activationProducts)
        implements Template {
    public static final String KIND = "cim-tile";

    public CimTileTemplate {
        Checks.notNull("name", name);
        Checks.atLeast("macros", macros, 1);
        Checks.notNull("macro", macro);
        buffers = List.copyOf(buffers);
        digital = List.copyOf(digital);
        Checks.notNull("figures", figures);
        Checks.notNull("inputLoading", inputLoading);
        Checks.notNull("wiring", wiring);
        Checks.notNull("learning", learning);
        Checks.notNull("activationProducts", activationProducts);
    }

    /** A tile whose products of two computed tensors run on digital units. */
    public CimTileTemplate(String name, int macros, Macro macro, List<Buffer> buffers, List<DigitalUnit> digital,
                           PublishedFigures figures, boolean analogTransfer, InputLoading inputLoading,
                           TileWiring wiring, Learning learning) {
        this(name, macros, macro, buffers, digital, figures, analogTransfer, inputLoading, wiring, learning,
                ActivationProducts.DIGITAL);
    }

    /** An inference-only tile. */
    public CimTileTemplate(String name, int macros, Macro macro, List<Buffer> buffers, List<DigitalUnit> digital,
                           PublishedFigures figures, boolean analogTransfer, InputLoading inputLoading,
                           TileWiring wiring) {
        this(name, macros, macro, buffers, digital, figures, analogTransfer, inputLoading, wiring, Learning.NONE);
    }

    /** A tile whose wiring is the default H-tree as wide as its buffers. */
    public CimTileTemplate(String name, int macros, Macro macro, List<Buffer> buffers, List<DigitalUnit> digital,
                           PublishedFigures figures, boolean analogTransfer, InputLoading inputLoading) {
        this(name, macros, macro, buffers, digital, figures, analogTransfer, inputLoading, TileWiring.DEFAULT);
    }

    /** A tile whose layers read each input activation once. */
    public CimTileTemplate(String name, int macros, Macro macro, List<Buffer> buffers, List<DigitalUnit> digital,
                           PublishedFigures figures, boolean analogTransfer) {
        this(name, macros, macro, buffers, digital, figures, analogTransfer, InputLoading.ONCE);
    }

    /** A tile without analog transfer between layers (every layer converts its outputs). */
    public CimTileTemplate(String name, int macros, Macro macro, List<Buffer> buffers, List<DigitalUnit> digital,
                           PublishedFigures figures) {
        this(name, macros, macro, buffers, digital, figures, false);
    }

    @Override
    public String kindKey() {
        return KIND;
    }

    /** Bits the tile's wiring moves per transfer. */
    public double wiringWidthBits() {
        return wiring.widthBits(this);
    }

    public int crossbarsPerTile() {
        return macros * macro.crossbars().count();
    }
}
