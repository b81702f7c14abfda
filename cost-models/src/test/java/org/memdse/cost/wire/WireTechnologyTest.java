package org.memdse.cost.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WireTechnologyTest {
    private static final double UM = 1e-6;

    @Test
    void rowLinesFollowNeuroSimsParamCpp() {
        // 22 nm: Metal1 40 nm, AR 1.9, rho 2.97e-8, barrier 2.5 nm -> 11.6 Ohm/um (wires.md §1).
        assertEquals(11.60, WireTechnology.resistancePerMeter(22e-9, WireLayer.ROW) * UM, 0.01);
        // 45 nm: 80 nm wide, AR 1.7, rho 2.37e-8, barrier 5 nm -> 2.60 Ohm/um.
        assertEquals(2.60, WireTechnology.resistancePerMeter(45e-9, WireLayer.ROW) * UM, 0.01);
        assertEquals(0.2e-15, WireTechnology.capacitancePerMeter(22e-9, WireLayer.COLUMN) * UM, 1e-20);
        // At 14 nm Metal0 (column) is narrower than Metal1 (row): the column line is more resistive.
        assertTrue(WireTechnology.resistancePerMeter(14e-9, WireLayer.COLUMN) > WireTechnology.resistancePerMeter(14e-9, WireLayer.ROW));
    }

    @Test
    void upperLayersFollowCactisConservativeProjection() {
        // 22 nm semi-global: w = 44 nm, t = 88 nm, b = 3 nm, alpha 1.05: 1.05 x 0.022 / (0.085 x 0.038) Ohm/um.
        assertEquals(1.05 * 0.022 / (0.085 * 0.038), WireTechnology.resistancePerMeter(22e-9, WireLayer.SEMI_GLOBAL) * UM, 1e-9);
        // 22 nm global: w = 88 nm, t = 193.6 nm less 10 % dishing and the barrier.
        assertEquals(1.05 * 0.022 / ((0.1936 - 0.003 - 0.01936) * (0.088 - 0.006)),
                WireTechnology.resistancePerMeter(22e-9, WireLayer.GLOBAL) * UM, 1e-9);
        double c = 2 * 8.854e-18 * (3.9 * 0.044 / 0.15 + 1.5 * 2.104 * 0.088 / 0.044) + 0.115e-15;
        assertEquals(c, WireTechnology.capacitancePerMeter(22e-9, WireLayer.SEMI_GLOBAL) * UM, 1e-24);
        assertEquals(4 * 22e-9, WireTechnology.pitch(22e-9, WireLayer.SEMI_GLOBAL), 1e-18);
        assertEquals(8 * 22e-9, WireTechnology.pitch(22e-9, WireLayer.GLOBAL), 1e-18);
    }

    @Test
    void resistanceRisesAndCapacitanceStaysRoughlyAsNodesShrink() {
        double previous = 0;
        for (double nm : new double[] {180, 130, 90, 65, 45, 32, 28, 22, 16, 12, 7}) {
            double r = WireTechnology.resistancePerMeter(nm * 1e-9, WireLayer.GLOBAL);
            assertTrue(r > previous, nm + " nm: " + r);
            previous = r;
            double c = WireTechnology.capacitancePerMeter(nm * 1e-9, WireLayer.GLOBAL) * UM;
            assertTrue(c > 0.15e-15 && c < 0.4e-15, nm + " nm: " + c);
        }
    }
}
