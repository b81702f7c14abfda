package org.memdse.cost.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TransistorFlavour;

class RepeatedWireTest {
    private static final Technology N22_LSTP = new Technology(22e-9, 0.8, 1e9, TransistorFlavour.LSTP);
    private static final Technology N45_HP = new Technology(45e-9, 1.0, 1e9, TransistorFlavour.HP);

    @Test
    void matchesTheWorkedValuesOfTheReferenceTable() {
        // docs/reference/wires.md §3: 22 nm LSTP global at 0.8 V.
        RepeatedWire w = RepeatedWire.of(N22_LSTP, WireLayer.GLOBAL);
        assertEquals(369, w.repeaterSpacing() * 1e6, 1);
        assertEquals(161, w.delayPerMeter() * 1e-3 * 1e12, 1);
        assertEquals(0.373, w.switchedCapacitancePerMeter() * 1e9, 0.001);
        assertEquals(59.7, w.energyPerBitPerMeter() * 1e-3 * 1e15, 0.1);
        assertEquals(5.3, w.repeaterAreaPerMeter() * 1e-3 * 1e12, 0.1);
        // 45 nm HP at 1.0 V.
        RepeatedWire w45 = RepeatedWire.of(N45_HP, WireLayer.GLOBAL);
        assertEquals(57, w45.delayPerMeter() * 1e-3 * 1e12, 1);
        assertEquals(101, w45.energyPerBitPerMeter() * 1e-3 * 1e15, 1);
    }

    @Test
    void repeatersBeatTheBareWireOverMillimetres() {
        RepeatedWire w = RepeatedWire.of(N22_LSTP, WireLayer.SEMI_GLOBAL);
        double length = 5e-3;
        double bare = 0.38 * w.resistancePerMeter() * w.capacitancePerMeter() * length * length;
        assertTrue(w.delay(length) < bare / 3, w.delay(length) + " s against " + bare + " s unrepeated");
        assertTrue(w.repeaterSpacing() < length && w.leakagePerMeter() > 0 && w.repeaterAreaPerMeter() > 0);
    }

    @Test
    void tradesAtMostTenPerCentOfDelayForLessSwitchedCapacitance() {
        RepeatedWire w = RepeatedWire.of(N22_LSTP, WireLayer.GLOBAL);
        // Switched capacitance: the wire's own plus the repeaters', never below the wire's.
        assertTrue(w.switchedCapacitancePerMeter() > w.capacitancePerMeter());
        // Energy: a quarter of C V^2 per bit and metre.
        assertEquals(0.25 * w.switchedCapacitancePerMeter() * 0.8 * 0.8, w.energyPerBitPerMeter(), 1e-30);
        assertEquals(w.energyPerBitPerMeter() * 64 * 1e-3, w.energy(64, 1e-3), 1e-30);
        assertTrue(w.repeaterSize() >= 1);
    }

    @Test
    void globalWiresAreFasterThanSemiGlobalOnes() {
        assertTrue(RepeatedWire.of(N22_LSTP, WireLayer.GLOBAL).delayPerMeter()
                < RepeatedWire.of(N22_LSTP, WireLayer.SEMI_GLOBAL).delayPerMeter());
    }

    @Test
    void aLowerSupplyCostsLessEnergyPerBit() {
        Technology low = new Technology(45e-9, 0.8, 1e9, TransistorFlavour.HP);
        assertTrue(RepeatedWire.of(low, WireLayer.GLOBAL).energyPerBitPerMeter()
                < RepeatedWire.of(N45_HP, WireLayer.GLOBAL).energyPerBitPerMeter());
    }
}
