package org.memdse.core.arch.read;

import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Buffer;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.InputEncoding;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.Topology;
import org.memdse.core.spec.Bounds;
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

    /** The current of one cell read in its on state, v_read / r_on: each value may be possible, not both. */
    static void checkReadCurrent(SpecMap device, double vRead, double rOn) {
        Bounds bounds = ArchitectureBounds.CELL_READ_CURRENT;
        double current = vRead / rOn;
        SpecNode at = device.get("v_read").orElse(device.node());
        String found = QuantityFormat.format(vRead, Dimension.VOLTAGE) + " / " + QuantityFormat.format(rOn,
                Dimension.RESISTANCE) + " = " + bounds.format(current);
        if (!bounds.possible(current)) {
            at.error("a read draws v_read / r_on = " + found + " through one cell, at most "
                    + bounds.format(bounds.max()) + " is possible: " + bounds.why() + "; lower v_read or raise r_on");
        } else if (!bounds.isCalibrated(current)) {
            at.warning("a read draws v_read / r_on = " + found + " through one cell, outside the calibrated range "
                    + bounds.calibratedRange() + ": " + bounds.calibration());
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
        if (macro.crossbars().signedWeights() == SignedWeights.OFFSET && macro.crossbars().cols() < 2 && crossbars != null) {
            crossbars.get("cols").ifPresent(n -> n.error("an offset weight encoding keeps one column of every array "
                    + "as its reference, so an array needs at least 2 columns, found 1; add columns or use "
                    + "signed_weights: differential or unsigned"));
        }
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

    /**
     * The sizes of the whole system, which no single key bounds: network endpoints, routers and
     * memristor cells. Counted in long and double arithmetic, so that a system too large for
     * int counts is reported rather than overflowing.
     */
    static void checkSystemSize(SpecMap main, Architecture architecture) {
        SpecNode subsystems = main.get("subsystems").orElse(main.node());
        long endpoints = 0;
        double cells = 0;
        for (Subsystem s : architecture.subsystems()) {
            endpoints += s.networkEndpoints();
            if (s instanceof TileArray array && array.template() instanceof CimTileTemplate t) {
                cells += (double) array.count() * t.macros() * t.macro().crossbars().count()
                        * t.macro().crossbars().cellsPerArray();
            } else if (s instanceof TileArray array && array.template() instanceof SnnCoreTemplate t) {
                cells += (double) array.count() * t.synapses().synapses();
            }
        }
        Bounds endpointBounds = ArchitectureBounds.ENDPOINTS;
        if (endpoints > endpointBounds.max()) {
            subsystems.error("the subsystems attach " + endpoints + " endpoints to the on-chip network (one per tile "
                    + "or core, one per other block), at most " + (long) endpointBounds.max() + " are possible: "
                    + endpointBounds.why() + "; use fewer, larger tiles or cores");
            return;
        }
        Bounds cellBounds = ArchitectureBounds.CELLS;
        if (cells > cellBounds.max()) {
            subsystems.error("the crossbars and synapse arrays hold " + cellBounds.format(cells)
                    + " memristor cells, at most " + cellBounds.format(cellBounds.max()) + " are possible: "
                    + cellBounds.why());
        }
        OnChipNetwork noc = architecture.interconnect().onChip();
        long routers = hopTableRouters(noc, (int) endpoints);
        Bounds routerBounds = ArchitectureBounds.ROUTERS;
        if (routers > routerBounds.max()) {
            SpecNode at = main.get("interconnect").map(SpecNode::asMap).flatMap(i -> i.get("on_chip"))
                    .orElse(main.node());
            at.error("this " + noc.topology().key() + " has " + routers + " routers for " + endpoints
                    + " endpoints, at most " + (long) routerBounds.max() + " are possible: " + routerBounds.why()
                    + (noc.topology() == Topology.HTREE ? " (an H-tree over L leaf routers has 2L-1)" : "")
                    + "; raise concentration or shrink the grid");
        }
    }

    /**
     * A multi-chip system's hop tables hold every chip's endpoints and routers: chips x endpoints
     * and chips x routers within the one-chip limits.
     */
    static void checkBoardSize(SpecMap board, Architecture architecture) {
        int chips = architecture.chips();
        if (chips <= 1) {
            return;
        }
        long endpoints = architecture.networkEndpoints();
        long routers = hopTableRouters(architecture.interconnect().onChip(), (int) endpoints);
        SpecNode at = board.get("chips").orElse(board.node());
        if (endpoints * chips > ArchitectureBounds.ENDPOINTS.max()) {
            at.error(chips + " chips of " + endpoints + " endpoints make " + endpoints * chips + ", at most "
                    + (long) ArchitectureBounds.ENDPOINTS.max() + " are possible: " + ArchitectureBounds.ENDPOINTS.why()
                    + "; use fewer chips or fewer, larger tiles");
        } else if (routers * chips > ArchitectureBounds.ROUTERS.max()) {
            at.error(chips + " chips of " + routers + " routers make " + routers * chips + ", at most "
                    + (long) ArchitectureBounds.ROUTERS.max() + " are possible: " + ArchitectureBounds.ROUTERS.why()
                    + "; use fewer chips or raise concentration");
        }
    }

    /** Routers the mappers' hop table holds: a grid's size, an H-tree's leaves and inner nodes, one for a bus. */
    static long hopTableRouters(OnChipNetwork noc, int endpoints) {
        long leaves = Math.max(1, (endpoints + (long) noc.concentration() - 1) / noc.concentration());
        return switch (noc.topology()) {
            case BUS -> 1;
            case HTREE -> 2 * leaves - 1;
            case MESH, TORUS -> noc.columns().isPresent() && noc.rows().isPresent()
                    ? (long) noc.columns().getAsInt() * noc.rows().getAsInt() : leaves;
        };
    }

    /** A buffer line cannot be wider than the buffer. */
    static void checkBuffer(SpecMap b, Buffer buffer) {
        if (buffer.widthBits() > buffer.capacityBits()) {
            b.get("width").orElse(b.node()).error("a line of " + QuantityFormat.format(buffer.widthBits(),
                    Dimension.INFORMATION) + " is wider than the whole buffer ("
                    + QuantityFormat.format(buffer.capacityBits(), Dimension.INFORMATION)
                    + "); lower width or raise capacity");
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
