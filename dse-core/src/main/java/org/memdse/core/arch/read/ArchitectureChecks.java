package org.memdse.core.arch.read;

import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.InputEncoding;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Topology;
import org.memdse.core.spec.SpecMap;
import org.memdse.core.spec.SpecNode;
import org.memdse.core.units.Dimension;
import org.memdse.core.units.QuantityFormat;

/**
 * Checks across fields of a description (each value may be fine alone): they point at the
 * value to change and say what would fix it.
 */
final class ArchitectureChecks {
    private ArchitectureChecks() {
    }

    static void checkOnOff(SpecMap device, boolean byConductance, double rOn, double rOff) {
        if (rOff <= rOn) {
            SpecNode at = device.get(byConductance ? "g_off" : "r_off").orElse(device.node());
            at.error("the off state must have a higher resistance than the on state (r_off > r_on), found r_on = "
                    + QuantityFormat.format(rOn, Dimension.RESISTANCE) + ", r_off = "
                    + QuantityFormat.format(rOff, Dimension.RESISTANCE));
        }
    }

    static void checkMacro(SpecMap m, Macro macro) {
        SpecMap crossbars = m.get("crossbars").map(SpecNode::asMap).orElse(null);
        int maxBits = macro.crossbars().device().maxBitsPerCell();
        if (crossbars != null && !macro.crossbars().device().name().equals("?")
                && macro.crossbars().bitsPerCell() > maxBits) {
            crossbars.get("bits_per_cell").ifPresent(n -> n.error("device '" + macro.crossbars().device().name()
                    + "' has " + macro.crossbars().device().levels() + " levels, which hold at most " + maxBits
                    + (maxBits == 1 ? " bit" : " bits") + " per cell; lower bits_per_cell or raise the device's levels"));
        }
        m.get("adc").map(SpecNode::asMap).ifPresent(adc -> {
            if (macro.adc().columnsPerAdc() > macro.crossbars().cols()) {
                adc.get("columns_per_adc").ifPresent(n -> n.error("an ADC is shared by at most the "
                        + macro.crossbars().cols() + " columns of one array, found " + macro.adc().columnsPerAdc()));
            }
        });
        if (macro.inputEncoding() == InputEncoding.BIT_SERIAL && macro.dac().bits() != 1) {
            m.get("dac").map(SpecNode::asMap).flatMap(d -> d.get("bits")).ifPresent(n -> n.error(
                    "bit-serial input encoding drives 1 bit per cycle, found dac bits " + macro.dac().bits()
                            + "; set input_encoding: multi-bit-dac or dac bits: 1"));
        }
        if (macro.inputEncoding() == InputEncoding.MULTI_BIT_DAC && macro.dac().bits() < 2) {
            m.get("dac").map(SpecNode::asMap).flatMap(d -> d.get("bits")).ifPresent(n -> n.error(
                    "a multi-bit-dac input encoding needs dac bits of 2 or more, found " + macro.dac().bits()));
        }
        if (macro.inputEncoding() == InputEncoding.PULSE_WIDTH) {
            m.get("dac").ifPresent(n -> n.error(
                    "pulse-width input encoding needs no DAC (inputs are pulse durations); remove dac:"));
        }
    }

    static void checkSnnCore(SpecMap t, SnnCoreTemplate core) {
        if (core.synapses().cols() > core.neurons()) {
            t.get("synapses").map(SpecNode::asMap).flatMap(s -> s.get("cols")).ifPresent(n -> n.error(
                    "the synapse array feeds at most the core's " + core.neurons() + " neurons, found cols "
                            + core.synapses().cols()));
        }
    }

    static void checkNetworkSize(SpecMap onChip, Architecture architecture) {
        OnChipNetwork noc = architecture.interconnect().onChip();
        boolean grid = noc.topology() == Topology.MESH || noc.topology() == Topology.TORUS;
        if (!grid && (noc.columns().isPresent() || noc.rows().isPresent())) {
            onChip.get(noc.columns().isPresent() ? "columns" : "rows").ifPresent(n -> n.error(
                    "columns and rows size a mesh or torus; a " + noc.topology().key() + " has none"));
            return;
        }
        if (noc.columns().isPresent() != noc.rows().isPresent()) {
            String given = noc.columns().isPresent() ? "columns" : "rows";
            onChip.get(given).orElse(onChip.node()).error("give both columns and rows of the router grid, or neither "
                    + "(memdse then picks a near-square grid), found " + given + " only");
            return;
        }
        if (noc.columns().isPresent()) {
            long ports = (long) noc.columns().getAsInt() * noc.rows().getAsInt() * noc.concentration();
            int endpoints = architecture.networkEndpoints();
            if (ports < endpoints) {
                onChip.get("columns").orElse(onChip.node()).error("a " + noc.columns().getAsInt() + "×"
                        + noc.rows().getAsInt() + " grid with concentration " + noc.concentration() + " attaches "
                        + ports + " endpoints, but the subsystems have " + endpoints
                        + " (one per tile or core, one per other block); enlarge the grid or the concentration");
            }
        }
    }
}
