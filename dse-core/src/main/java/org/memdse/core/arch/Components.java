package org.memdse.core.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists every component group of a system with its instance count: the one walk over the
 * hierarchy that cost models and the evaluator share.
 */
public final class Components {
    private Components() {
    }

    public static List<Component> of(Architecture a) {
        List<Component> out = new ArrayList<>();
        for (Subsystem s : a.subsystems()) {
            if (s instanceof TileArray array && array.template() instanceof CimTileTemplate t) {
                cimTile(out, array, t);
            } else if (s instanceof TileArray array && array.template() instanceof SnnCoreTemplate t) {
                snnCore(out, array, t);
            } else if (s instanceof Encoder e) {
                out.add(new Component(e.name(), e.name(), ComponentKind.ENCODER, e, e.channels(), e.figures()));
            } else if (s instanceof IntegrationInterface i) {
                out.add(new Component(i.name(), i.name(), ComponentKind.INTERFACE, i, i.channels(), i.figures()));
            } else if (s instanceof GlobalBuffer g) {
                out.add(new Component(g.name(), g.name(), ComponentKind.BUFFER, g.buffer(), 1, g.buffer().figures()));
                out.add(new Component(g.name() + ".bus", g.name(), ComponentKind.GLOBAL_BUS, g, 1, PublishedFigures.NONE));
            } else if (s instanceof ReservoirArray r) {
                // The array and its mask generator; a driver per device; the sampling ADCs.
                out.add(new Component(r.name(), r.name(), ComponentKind.RESERVOIR, r, 1, r.figures()));
                out.add(new Component(r.name() + ".dac", r.name(), ComponentKind.DAC, r.dac(), r.devices(), r.dac().figures()));
                out.add(new Component(r.name() + ".adc", r.name(), ComponentKind.ADC, r.adc(), r.adcChannels(), r.adc().figures()));
            } else if (s instanceof AdDa d) {
                out.add(new Component(d.name() + ".adc", d.name(), ComponentKind.ADC, d.adc(), d.channels(), d.adc().figures()));
                out.add(new Component(d.name() + ".dac", d.name(), ComponentKind.DAC, d.dac(), d.channels(), d.dac().figures()));
            }
        }
        interconnect(out, a);
        return List.copyOf(out);
    }

    private static void cimTile(List<Component> out, TileArray array, CimTileTemplate t) {
        String n = array.name();
        long tiles = array.count();
        long macros = tiles * t.macros();
        Macro m = t.macro();
        out.add(new Component(n + ".macro.crossbars", n, ComponentKind.CROSSBAR, m.crossbars(),
                macros * m.crossbars().count(), m.crossbars().figures()));
        ArrayPeriphery periphery = m.periphery();
        out.add(new Component(n + ".macro.array_periphery", n, ComponentKind.ARRAY_PERIPHERY, periphery,
                macros * m.crossbars().count(), periphery.figures()));
        if (m.crossbars().device().vWrite() > 0) {
            LevelShifters shifters = m.shifters();
            out.add(new Component(n + ".macro.level_shifters", n, ComponentKind.LEVEL_SHIFTER, shifters,
                    macros * m.crossbars().count(), shifters.figures()));
        }
        out.add(new Component(n + ".macro.adc", n, ComponentKind.ADC, m.adc(), macros * m.adcCount(), m.adc().figures()));
        if (m.inputEncoding() != InputEncoding.PULSE_WIDTH) {
            out.add(new Component(n + ".macro.dac", n, ComponentKind.DAC, m.dac(), macros * m.dacCount(), m.dac().figures()));
        }
        m.sampleHold().ifPresent(sh -> out.add(new Component(n + ".macro.sample_hold", n, ComponentKind.SAMPLE_HOLD, sh,
                macros * m.sampleHoldCount(), sh.figures())));
        if (m.sampleHold().isEmpty() && t.analogTransfer()) {
            // Analog transfer holds each column's activated output for the next layer: one S&H per column.
            SampleHold sh = new SampleHold(PublishedFigures.NONE);
            out.add(new Component(n + ".macro.sample_hold", n, ComponentKind.SAMPLE_HOLD, sh,
                    macros * m.crossbars().count() * m.crossbars().cols(), sh.figures()));
        }
        m.shiftAdd().ifPresent(sa -> out.add(new Component(n + ".macro.shift_add", n, ComponentKind.SHIFT_ADD, sa,
                macros * sa.count(), sa.figures())));
        for (Buffer b : m.buffers()) {
            out.add(new Component(n + ".macro.buffers." + b.name(), n, ComponentKind.BUFFER, b, macros, b.figures()));
        }
        for (Buffer b : t.buffers()) {
            out.add(new Component(n + ".buffers." + b.name(), n, ComponentKind.BUFFER, b, tiles, b.figures()));
        }
        for (DigitalUnit d : t.digital()) {
            out.add(new Component(n + ".digital." + d.kind().key(), n, ComponentKind.DIGITAL, d, tiles * d.count(),
                    d.figures()));
        }
        out.add(new Component(n + ".wiring", n, ComponentKind.TILE_WIRING, t.wiring(), tiles, t.wiring().figures()));
        if (!t.figures().isEmpty()) {
            out.add(new Component(n + ".tile", n, ComponentKind.TILE, t, tiles, t.figures()));
        }
    }

    private static void snnCore(List<Component> out, TileArray array, SnnCoreTemplate t) {
        String n = array.name();
        long cores = array.count();
        out.add(new Component(n + ".neurons", n, ComponentKind.NEURON, t.neuron(), cores * t.neurons(), t.neuron().figures()));
        out.add(new Component(n + ".synapses", n, ComponentKind.SYNAPSE, t.synapses(), cores, t.synapses().figures()));
        if (!t.figures().isEmpty()) {
            out.add(new Component(n + ".core", n, ComponentKind.CORE, t, cores, t.figures()));
        }
    }

    private static void interconnect(List<Component> out, Architecture a) {
        Interconnect i = a.interconnect();
        OnChipNetwork o = i.onChip();
        int endpoints = a.networkEndpoints();
        long routers = o.routersFor(endpoints);
        // An H-tree's branch points are its repeaters' fan-out, priced with the links (as DNN+NeuroSim's
        // HTree.cpp builds it); only a paper's figures for H-tree switches put routers in.
        if (o.topology() != Topology.HTREE || !o.router().isEmpty()) {
            out.add(new Component("interconnect.router", "interconnect", ComponentKind.ROUTER, o, routers, o.router()));
        }
        out.add(new Component("interconnect.link", "interconnect", ComponentKind.LINK, o, links(o, routers, endpoints),
                o.link()));
        i.spikes().ifPresent(s -> out.add(new Component("interconnect.spikes", "interconnect",
                ComponentKind.SPIKE_ROUTER, s, a.summary().snnCores(), s.figures())));
        i.chipToChip().ifPresent(c -> out.add(new Component("interconnect.chip_to_chip", "interconnect",
                ComponentKind.CHIP_LINK, c, 1, c.figures())));
    }

    /**
     * Links of the topology (a bus counts as one shared link). An H-tree over L leaves (groups of
     * {@code concentration} endpoints) is a binary tree of 2L - 1 nodes and 2L - 2 links.
     */
    public static long links(OnChipNetwork o, long routers, int endpoints) {
        if (o.topology() == Topology.BUS) {
            return 1;
        }
        if (o.topology() == Topology.HTREE) {
            return Math.max(0, 2 * routers - 2);
        }
        long cols = o.columns().isPresent() ? o.columns().getAsInt() : (long) Math.ceil(Math.sqrt(routers));
        long rows = o.rows().isPresent() ? o.rows().getAsInt() : (routers + cols - 1) / Math.max(1, cols);
        long mesh = rows * (cols - 1) + cols * (rows - 1);
        return o.topology() == Topology.TORUS ? mesh + rows + cols : mesh;
    }
}
