package org.memdse.core.arch;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The on-chip network that joins tiles, cores and the other blocks.
 *
 * @param topology      mesh, torus, H-tree or bus
 * @param concentration endpoints per router (4 makes ISAAC's concentrated mesh)
 * @param columns       router columns of a mesh/torus; empty to choose a near-square grid
 * @param rows          router rows of a mesh/torus; empty to choose a near-square grid
 * @param flitBits      flit (or bus) width, bits
 * @param linkLengthM   length of one link, m; empty to derive it from the tile area
 * @param router        published figures for one router
 * @param link          published figures for one link (energy per flit)
 */
public record OnChipNetwork(Topology topology, int concentration, OptionalInt columns, OptionalInt rows, double flitBits,
                            OptionalDouble linkLengthM, PublishedFigures router, PublishedFigures link) {
    public OnChipNetwork {
        Checks.notNull("topology", topology);
        Checks.atLeast("concentration", concentration, 1);
        Checks.notNull("columns", columns);
        Checks.notNull("rows", rows);
        Checks.positive("flit", flitBits);
        Checks.notNull("linkLengthM", linkLengthM);
        Checks.notNull("router", router);
        Checks.notNull("link", link);
    }

    /** Routers needed for {@code endpoints} endpoints (a bus has none). */
    public int routersFor(int endpoints) {
        if (topology == Topology.BUS) {
            return 0;
        }
        if (columns.isPresent() && rows.isPresent()) {
            return columns.getAsInt() * rows.getAsInt();
        }
        return (endpoints + concentration - 1) / concentration;
    }
}
