package org.memdse.mapping.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.Topology;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.mapping.topology.Link;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * Routes on hand-drawn networks. The 3×3 mesh, one tile per router, numbered row by row:
 * <pre>
 *   0 - 1 - 2
 *   |   |   |
 *   3 - 4 - 5
 *   |   |   |
 *   6 - 7 - 8
 * </pre>
 */
class RouterTest {

    static NetworkTopology tiles(int count, Topology topology, int concentration, Integer cols, Integer rows) {
        Catalog c = Catalog.bundled();
        Architecture base = ArchitectureReader.read(c.source(c.architecture("fig4-hybrid").orElseThrow()));
        List<Subsystem> subsystems = new ArrayList<>();
        for (Subsystem s : base.subsystems()) {
            if (s instanceof TileArray t && t.name().equals("cim")) {
                subsystems.add(new TileArray("cim", t.template(), count));
            }
        }
        OnChipNetwork n = base.interconnect().onChip();
        OnChipNetwork noc = new OnChipNetwork(topology, concentration,
                cols == null ? OptionalInt.empty() : OptionalInt.of(cols),
                rows == null ? OptionalInt.empty() : OptionalInt.of(rows), n.flitBits(), n.linkLengthM(), n.router(),
                n.link());
        return NetworkTopology.of(new Architecture("hand", "", base.technology(), base.devices(), base.templates(),
                subsystems, new Interconnect(noc, base.interconnect().spikes(), base.interconnect().chipToChip())));
    }

    private static List<Integer> routers(NetworkTopology t, List<Integer> links) {
        List<Integer> out = new ArrayList<>();
        for (int id : links) {
            Link l = t.links().get(id);
            if (out.isEmpty()) {
                out.add(l.from());
            }
            out.add(l.to());
        }
        return out;
    }

    @Test
    void aFixedGridTooSmallForTheEndpointsIsRefusedWithTheCounts() {
        // 10 tiles on a 3x3 grid of single-port routers: the reader reports this with the file's line;
        // built in code it must not index past the grid later.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tiles(10, Topology.MESH, 1, 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hand: a 3x3 router grid with concentration 1 attaches 9 endpoints, but the subsystems have 10");
        org.assertj.core.api.Assertions.assertThat(tiles(9, Topology.MESH, 1, 3, 3).routerCount()).isEqualTo(9);
        org.assertj.core.api.Assertions.assertThat(tiles(18, Topology.MESH, 2, 3, 3).routerCount()).isEqualTo(9);
    }

    @Test
    void xyRoutingOnA3x3Mesh() {
        NetworkTopology t = tiles(9, Topology.MESH, 1, 3, 3);
        Router r = Router.forTopology(Topology.MESH);
        // 0 → 8: along row 0 to column 2, then down column 2
        assertThat(routers(t, r.route(t, 0, 8))).containsExactly(0, 1, 2, 5, 8);
        // 7 → 3: left to column 0, then up
        assertThat(routers(t, r.route(t, 7, 3))).containsExactly(7, 6, 3);
        assertThat(r.route(t, 4, 4)).isEmpty();
        assertThat(t.hops(0, 8)).isEqualTo(4);
        assertThat(t.hops(2, 6)).isEqualTo(4);
        assertThat(t.hops(4, 1)).isEqualTo(1);
        // 12 directed links on a 3x3 mesh: 2 × (3·2 + 3·2)
        assertThat(t.links()).hasSize(24);
    }

    @Test
    void torusTakesTheShorterWayRound() {
        NetworkTopology t = tiles(16, Topology.TORUS, 1, 4, 4);
        Router r = Router.forTopology(Topology.TORUS);
        // 0 → 3 on a 4-wide ring: one hop backwards over the wrap link
        assertThat(routers(t, r.route(t, 0, 3))).containsExactly(0, 3);
        assertThat(t.hops(0, 15)).isEqualTo(2);
        assertThat(routers(t, r.route(t, 0, 15))).containsExactly(0, 3, 15);
    }

    @Test
    void concentratedEndpointsShareARouter() {
        NetworkTopology t = tiles(8, Topology.MESH, 4, null, null);
        // 8 tiles / 4 per router = 2 routers, near-square grid 2×1
        assertThat(t.routerCount()).isEqualTo(2);
        assertThat(t.hops(0, 3)).isZero();
        assertThat(t.hops(3, 4)).isEqualTo(1);
    }

    @Test
    void treePathsGoThroughTheCommonAncestor() {
        NetworkTopology t = tiles(4, Topology.HTREE, 1, null, null);
        // leaves 0..3, internal nodes in post-order: 4 = (0,1), 5 = (2,3), 6 = root
        assertThat(t.routerCount()).isEqualTo(7);
        Router r = Router.forTopology(Topology.HTREE);
        assertThat(routers(t, r.route(t, 0, 1))).containsExactly(0, 4, 1);
        assertThat(routers(t, r.route(t, 0, 3))).containsExactly(0, 4, 6, 5, 3);
        assertThat(t.hops(0, 3)).isEqualTo(4);
    }

    @Test
    void aBusIsOneHopBetweenDifferentEndpoints() {
        NetworkTopology t = tiles(5, Topology.BUS, 1, null, null);
        Router r = Router.forTopology(Topology.BUS);
        assertThat(r.route(t, 0, 4)).containsExactly(0);
        assertThat(r.route(t, 2, 2)).isEmpty();
        assertThat(t.hops(0, 4)).isEqualTo(1);
        assertThat(t.hops(3, 3)).isZero();
    }
}
