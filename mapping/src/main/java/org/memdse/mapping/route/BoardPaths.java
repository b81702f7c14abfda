package org.memdse.mapping.route;

import java.util.ArrayList;
import java.util.List;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * Paths of transfers on a board of chips, shared by the mapping's link loads and the packet
 * simulator so that both see the same path: on one chip the router's; between chips the way on
 * the first chip to its gateway, the board links, and the way on the second chip from its
 * gateway. Chip c's on-chip link l is {@code c * L + l} (L links per chip).
 */
public final class BoardPaths {
    /** {@code boardBase} that leaves the board links out of a path (the mapping prices them apart). */
    public static final int ON_CHIP_ONLY = -1;

    private BoardPaths() {
    }

    /**
     * The links a transfer from endpoint {@code from} to {@code to} crosses, in order; board link
     * b appears as {@code boardBase + b}, or not at all when {@code boardBase} is {@link #ON_CHIP_ONLY}.
     */
    public static List<Integer> links(Router router, NetworkTopology topology, int from, int to, int boardBase) {
        if (topology.chips() == 1) {
            return router.route(topology, from, to);
        }
        NetworkTopology chip = topology.chipTopology();
        int e = chip.endpointCount();
        int l = chip.links().size();
        int ca = topology.chipOf(from);
        int cb = topology.chipOf(to);
        List<Integer> out = new ArrayList<>();
        if (ca == cb) {
            for (int x : router.route(chip, from - ca * e, to - cb * e)) {
                out.add(ca * l + x);
            }
            return out;
        }
        int gateway = topology.gatewayEndpoint();
        for (int x : router.route(chip, from - ca * e, gateway)) {
            out.add(ca * l + x);
        }
        if (boardBase != ON_CHIP_ONLY) {
            for (int b : topology.boardRoute(ca, cb)) {
                out.add(boardBase + b);
            }
        }
        for (int x : router.route(chip, gateway, to - cb * e)) {
            out.add(cb * l + x);
        }
        return out;
    }
}
