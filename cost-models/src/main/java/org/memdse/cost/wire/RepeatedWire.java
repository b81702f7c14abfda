package org.memdse.cost.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TransistorFlavour;
import org.memdse.cost.crossbar.ArrayPeripheryModelProvider;

/**
 * One bit of a long wire broken by repeaters (inverters), per metre of wire: the model of every
 * link of the on-chip network and of the wiring inside a tile (docs/reference/wires.md §3).
 *
 * <p>A segment of length L driven by an inverter s times the minimum (output resistance R0/s,
 * input capacitance s C0, drain capacitance s Cp) into the next repeater takes (Bakoglu and Meindl,
 * IEEE TED 32(5), 1985, in the form DNN+NeuroSim V1.4 HTree.cpp uses)
 * <pre>  t = 0.69 (R0/s)(s Cp + s C0 + c L) + 0.69 r L s C0 + 0.38 r c L^2</pre>
 * with r, c the wire's resistance and capacitance per length ({@link WireTechnology}). The fastest
 * design has s = sqrt(R0 c / (r C0)) and L = sqrt(0.69 R0 (C0 + Cp) / (0.38 r c)). Like
 * DNN+NeuroSim's bus delay tolerance of 0.1 (Param.cpp globalBusDelayTolerance and
 * localBusDelayTolerance) and CACTI's "Global_10" wires, memdse trades 10 % of that delay for
 * energy: among repeater sizes and spacings whose delay per length is within 1.1 x the fastest,
 * it takes the one that switches the least capacitance per length, s (C0 + Cp) / L + c.
 *
 * <p>Energy: a line charged from 0 to V_dd draws C V_dd^2 from the supply. Data bits are taken
 * as uncorrelated: a bit changes with probability 1/2 and rises with probability 1/4, so moving
 * one bit over one metre costs 1/4 C V_dd^2 (no trace of the data is known; NeuroSim V1.4 Param.cpp
 * measures 0.18 toggles per bit for VGG-8's inputs). Area: the repeaters' transistors laid out with
 * NeuroSim's folding rule; the wire itself takes area only where a caller says its channel does
 * ({@link #pitch()}). Leakage: half the repeater's transistors off.
 *
 * <p>Repeaters are inverters of {@link Transistors} (the 22 nm predictive transistors DNN+NeuroSim
 * V1.4 uses), the drain capacitance taken equal to the gate's.
 *
 * @param layer                 the wire's layer
 * @param resistancePerMeter    r, Ohm/m
 * @param capacitancePerMeter   c, F/m
 * @param pitch                 wire pitch, m
 * @param repeaterSize          repeater width over the minimum inverter's
 * @param repeaterSpacing       wire length between repeaters, m
 * @param delayPerMeter         signal delay, s/m
 * @param switchedCapacitancePerMeter wire plus repeater capacitance charged per metre, F/m
 * @param energyPerBitPerMeter  energy to move one data bit one metre, J/m
 * @param repeaterAreaPerMeter  repeater area per bit per metre, m^2/m
 * @param leakagePerMeter       repeater leakage per bit per metre, W/m
 */
public record RepeatedWire(WireLayer layer, double resistancePerMeter, double capacitancePerMeter, double pitch,
                           double repeaterSize, double repeaterSpacing, double delayPerMeter,
                           double switchedCapacitancePerMeter, double energyPerBitPerMeter, double repeaterAreaPerMeter,
                           double leakagePerMeter) {
    /** Delay allowed above the fastest repeated wire (NeuroSim Param.cpp bus delay tolerance 0.1; CACTI "Global_10"). */
    static final double DELAY_PENALTY = 0.10;
    /** Share of transfers in which a bit's line rises (uncorrelated data). */
    static final double RISING_SHARE = 0.25;
    static final double MIN_WIDTH_F = Transistors.MIN_WIDTH_F;

    private record Key(double node, double vdd, TransistorFlavour flavour, WireLayer layer) {
    }

    private static final Map<Key, RepeatedWire> DESIGNED = new ConcurrentHashMap<>();

    /** The repeated wire of {@code layer} at the technology's node, supply and flavour (designed once, then cached). */
    public static RepeatedWire of(Technology tech, WireLayer layer) {
        return DESIGNED.computeIfAbsent(new Key(tech.nodeMeters(), tech.vdd(), tech.flavour(), layer),
                k -> design(tech, layer));
    }

    private static RepeatedWire design(Technology tech, WireLayer layer) {
        Transistors d = Transistors.of(tech.flavour());
        double f = tech.nodeMeters();
        double r = WireTechnology.resistancePerMeter(f, layer);
        double c = WireTechnology.capacitancePerMeter(f, layer);
        // Minimum inverter: NMOS 2F, PMOS pToN x 2F. R·W from 22 nm (amperes per metre of width).
        double r0 = d.minimumInverterResistance();
        double c0 = d.minimumInverterInput(f);
        double cp = c0;
        double sFast = Math.sqrt(r0 * c / (r * c0));
        double lFast = Math.sqrt(0.69 * r0 * (c0 + cp) / (0.38 * r * c));
        double fastest = delayPerLength(sFast, lFast, r0, c0, cp, r, c);
        double bestS = sFast;
        double bestL = lFast;
        double bestCap = switched(sFast, lFast, c0, cp, c);
        // Scan smaller repeaters and wider spacings (log grid) for the least switched capacitance within the delay bound.
        int steps = 80;
        for (int i = 0; i <= steps; i++) {
            double s = Math.max(1, sFast * Math.pow(0.05, (double) i / steps));
            for (int j = 0; j <= steps; j++) {
                double l = lFast * Math.pow(8, (double) j / steps);
                if (delayPerLength(s, l, r0, c0, cp, r, c) <= (1 + DELAY_PENALTY) * fastest) {
                    double cap = switched(s, l, c0, cp, c);
                    if (cap < bestCap) {
                        bestCap = cap;
                        bestS = s;
                        bestL = l;
                    }
                }
            }
        }
        double vdd = tech.vdd();
        double widthNF = bestS * MIN_WIDTH_F;
        double widthPF = widthNF * d.pToN();
        double areaF2 = ArrayPeripheryModelProvider.transistorAreaF2(widthNF) + ArrayPeripheryModelProvider.transistorAreaF2(widthPF);
        double leakage = d.leakage(widthNF, widthPF, f, vdd);
        return new RepeatedWire(layer, r, c, WireTechnology.pitch(f, layer), bestS, bestL,
                delayPerLength(bestS, bestL, r0, c0, cp, r, c), bestCap, RISING_SHARE * bestCap * vdd * vdd,
                areaF2 * f * f / bestL, leakage / bestL);
    }

    private static double delayPerLength(double s, double l, double r0, double c0, double cp, double r, double c) {
        return (0.69 * (r0 / s) * (s * cp + s * c0 + c * l) + 0.69 * r * l * s * c0 + 0.38 * r * c * l * l) / l;
    }

    private static double switched(double s, double l, double c0, double cp, double c) {
        return s * (c0 + cp) / l + c;
    }

    /** Delay of {@code meters} of this wire, s. */
    public double delay(double meters) {
        return delayPerMeter * meters;
    }

    /** Energy to move {@code bits} uncorrelated bits over {@code meters}, J. */
    public double energy(double bits, double meters) {
        return energyPerBitPerMeter * bits * meters;
    }
}
