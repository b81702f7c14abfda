package org.memdse.cost.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WireLayoutTest {
    @Test
    void anHTreeOfFourLeavesIsOneH() {
        // an H of side 1/2: a bar and two legs, 3/2 sides in all; root to leaf 1/4 + 1/4
        WireLayout h = WireLayout.htree(4);
        assertEquals(6, h.links());
        assertEquals(1.5, h.totalLength(), 1e-12);
        assertEquals(0.5, h.fromRoot(), 1e-12);
        // two leaves of the same half are 2 hops and 1/2 side apart, of different halves 4 hops and 1 side
        assertEquals(0.5, h.transfer(2), 1e-12);
        assertEquals(1.0, h.transfer(4), 1e-12);
        assertEquals(0.25, h.hopLength(), 1e-12);
        assertEquals(2, h.transfersFor(2), 1e-12);
    }

    @Test
    void anHTreeOfSixteenLeavesHalvesItsLinksEverySecondLevel() {
        // depths 1..4: 2 x 1/4, 4 x 1/4, 8 x 1/8, 16 x 1/8 = 0.5 + 1 + 1 + 2 = 4.5 sides (= 3/4 x (2^3 - 2))
        WireLayout h = WireLayout.htree(16);
        assertEquals(30, h.links());
        assertEquals(4.5, h.totalLength(), 1e-12);
        assertEquals(0.75, h.fromRoot(), 1e-12);
        // neighbours at the bottom are 2 hops and 1/4 side apart: fewer mean links than hops
        assertEquals(0.25, h.transfer(2), 1e-12);
        assertEquals(0.25 / (4.5 / 30), h.transfersFor(2), 1e-12);
    }

    @Test
    void aMeshLinkSpansACellAndATorusLinkTwo() {
        WireLayout mesh = WireLayout.grid(4, 2, false);
        // 2 x 3 horizontal links of 1/4, 4 x 1 vertical ones of 1/2
        assertEquals(10, mesh.links());
        assertEquals(6 * 0.25 + 4 * 0.5, mesh.totalLength(), 1e-12);
        assertEquals(3, mesh.transfersFor(3), 1e-12);
        WireLayout torus = WireLayout.grid(4, 4, true);
        assertEquals(32, torus.links());
        assertEquals(2 * 0.25, torus.hopLength(), 1e-12);
    }

    @Test
    void aBusIsACombPastEveryLeaf() {
        // 9 leaves on a 3 x 3 grid: three rows and a spine of 2/3 side each: (9 - 1) / 3 sides
        WireLayout bus = WireLayout.bus(9, WireLayout.BETWEEN_ANY_TWO);
        assertEquals(1, bus.links());
        assertEquals(8.0 / 3, bus.totalLength(), 1e-12);
        assertEquals(8.0 / 9, bus.hopLength(), 1e-12);
        assertEquals(1, bus.transfersFor(1), 1e-12);
        assertEquals(4.0 / 3, WireLayout.bus(9, WireLayout.FROM_ONE_END).fromRoot(), 1e-12);
    }
}
