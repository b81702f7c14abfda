package org.memdse.cli;

import java.util.Locale;
import org.memdse.core.arch.AdDa;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ArchitectureSummary;
import org.memdse.core.arch.Buffer;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.DigitalUnit;
import org.memdse.core.arch.Encoder;
import org.memdse.core.arch.ReservoirArray;
import org.memdse.core.arch.GlobalBuffer;
import org.memdse.core.arch.IntegrationInterface;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.PowerGating;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.TileArray;
import org.memdse.core.units.Dimension;
import org.memdse.core.units.QuantityFormat;

/** The resolved hierarchy of a system as indented text, then its totals. */
final class HierarchyText {
    private final StringBuilder sb = new StringBuilder();

    private HierarchyText() {
    }

    static String of(Architecture a) {
        HierarchyText t = new HierarchyText();
        t.write(a);
        return t.sb.toString();
    }

    private void write(Architecture a) {
        line(0, a.name() + (a.description().isEmpty() ? "" : " - " + a.description()));
        line(1, "technology: " + q(a.technology().nodeMeters(), Dimension.LENGTH) + ", vdd "
                + q(a.technology().vdd(), Dimension.VOLTAGE) + ", clock " + (a.technology().clockGiven() ? q(a.technology().clockHz(), Dimension.FREQUENCY) : "auto"));
        line(1, "subsystems:");
        for (Subsystem s : a.subsystems()) {
            subsystem(s);
        }
        interconnect(a.interconnect());
        PowerGating g = a.powerGating();
        line(1, "power gating: " + (g.enabled()
                ? "tiles and cores the mapping leaves unused are switched off (" + g.gate().key() + "); a switched-off block"
                        + " still leaks " + new java.math.BigDecimal(100 * g.residualLeakage()).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString() + " %"
                        + g.switchArea().stream().mapToObj(v -> "; sleep switch " + q(v, Dimension.AREA) + " per tile or core")
                        .findFirst().orElse("")
                : "none (every block leaks all the time)"));
        a.board().ifPresent(this::board);
        totals(a.summary(), a.chips());
    }

    private void subsystem(Subsystem s) {
        if (s instanceof TileArray t && t.template() instanceof CimTileTemplate c) {
            line(2, s.name() + ": " + t.count() + " x CIM tile '" + c.name() + "'");
            Macro m = c.macro();
            Crossbars x = m.crossbars();
            line(3, c.macros() + " x macro:");
            line(4, x.count() + " x crossbar " + x.rows() + "x" + x.cols() + ", " + x.bitsPerCell() + " bit/cell, "
                    + x.cell().key() + " " + x.device().name() + ", signed weights: " + x.signedWeights().key());
            line(4, m.adcCount() + " x ADC " + m.adc().kind().key() + " " + m.adc().bits() + " bit, "
                    + m.adc().columnsPerAdc() + " columns per ADC");
            line(4, "inputs: " + m.inputEncoding().key()
                    + (m.inputEncoding().key().equals("pulse-width") ? "" : ", " + m.dacCount() + " x DAC " + m.dac().bits() + " bit"));
            if (x.device().vWrite() > 0) {
                line(4, "write path: " + x.count() * m.shifters().lines() + " driven lines at "
                        + q(x.device().vWrite(), Dimension.VOLTAGE) + " (a level shifter each above 1.5 V)");
            }
            if (m.sampleHold().isPresent()) {
                line(4, m.sampleHoldCount() + " x sample-and-hold");
            }
            m.shiftAdd().ifPresent(sa -> line(4, sa.count() + " x shift-and-add"));
            for (Buffer b : m.buffers()) {
                buffer(4, b);
            }
            for (Buffer b : c.buffers()) {
                buffer(3, b);
            }
            for (DigitalUnit d : c.digital()) {
                line(3, d.count() + " x " + d.kind().key());
            }
        } else if (s instanceof TileArray t && t.template() instanceof SnnCoreTemplate c) {
            line(2, s.name() + ": " + t.count() + " x SNN core '" + c.name() + "'");
            line(3, c.neurons() + " x neuron " + c.neuron().model().key() + " (" + c.neuron().circuit().key() + ")");
            line(3, "synapses " + c.synapses().rows() + "x" + c.synapses().cols() + ", " + c.synapses().weightBits()
                    + " bit, " + c.synapses().device().name());
            line(3, "learning: " + c.learning().rule().key() + ", time step " + q(c.timeStepS(), Dimension.TIME));
        } else if (s instanceof Encoder e) {
            line(2, s.name() + ": encoder, " + e.channels() + " channels, " + e.scheme().key() + " coding");
        } else if (s instanceof IntegrationInterface i) {
            line(2, s.name() + ": integration interface, " + i.direction().key() + ", " + i.channels() + " channels");
        } else if (s instanceof GlobalBuffer g) {
            line(2, s.name() + ": global buffer, " + g.buffer().kind().key() + " "
                    + q(g.buffer().capacityBits(), Dimension.INFORMATION) + ", " + g.banks() + " x "
                    + q(g.buffer().widthBits(), Dimension.INFORMATION) + " lines per access");
        } else if (s instanceof ReservoirArray r) {
            line(2, s.name() + ": reservoir array, " + r.devices() + " dynamic memristors, pulse "
                    + q(r.pulseVoltage(), Dimension.VOLTAGE) + " x " + q(r.pulseCurrent(), Dimension.CURRENT) + " x "
                    + q(r.pulseWidth(), Dimension.TIME) + ", " + r.adcChannels() + " x ADC " + r.adc().kind().key() + " "
                    + r.adc().bits() + " bit, " + r.devices() + " x DAC " + r.dac().bits() + " bit");
        } else if (s instanceof AdDa d) {
            line(2, s.name() + ": AD/DA, " + d.channels() + " x ADC " + d.adc().kind().key() + " " + d.adc().bits()
                    + " bit, " + d.channels() + " x DAC " + d.dac().bits() + " bit");
        }
    }

    private void buffer(int depth, Buffer b) {
        line(depth, "buffer '" + b.name() + "': " + b.kind().key() + " " + q(b.capacityBits(), Dimension.INFORMATION)
                + ", " + q(b.widthBits(), Dimension.INFORMATION) + " wide");
    }

    private void interconnect(Interconnect i) {
        OnChipNetwork o = i.onChip();
        String grid = o.columns().isPresent() ? " " + o.columns().getAsInt() + "x" + o.rows().getAsInt() : "";
        line(1, "interconnect: " + o.topology().key() + grid + ", concentration " + o.concentration() + ", flit "
                + q(o.flitBits(), Dimension.INFORMATION));
        i.spikes().ifPresent(s -> line(2, "spikes: " + s.routing().key() + ", " + q(s.packetBits(), Dimension.INFORMATION)
                + " packets"));
        i.chipToChip().ifPresent(c -> line(2, "chip-to-chip: " + c.links() + " links x "
                + QuantityFormat.number(c.bandwidthBitsPerSecond() / 1e9) + " Gbit/s"));
    }

    private void board(org.memdse.core.arch.Board b) {
        String grid = b.topology() == org.memdse.core.arch.BoardTopology.MESH ? " " + b.columns() + "x" + b.rows() : "";
        line(1, "board: " + b.chips() + (b.chips() == 1 ? " chip" : " chips") + ", " + b.topology().key() + grid + " of "
                + b.places() + " places, connections " + (b.connections().isEmpty() ? "none"
                : b.connections().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" "))));
        b.link().ifPresent(c -> line(2, "link: " + c.effectiveKind().key() + ", " + c.links() + " x "
                + q(c.widthBits(), Dimension.INFORMATION) + " at " + q(c.frequencyHz(), Dimension.FREQUENCY) + " = "
                + QuantityFormat.number(c.links() * c.bandwidthBitsPerSecond() / 1e9) + " Gbit/s per connection"));
    }

    private void totals(ArchitectureSummary s, int chips) {
        line(1, chips == 1 ? "totals:" : "totals per chip (the system has " + chips + " of each):");
        count("CIM tiles", s.cimTiles());
        count("macros", s.macros());
        count("crossbars", s.crossbars());
        count("cells", s.cells());
        line(2, String.format(Locale.ROOT, "%-20s %15s", "weight capacity", q(s.weightCapacityBits(), Dimension.INFORMATION)));
        count("ADCs", s.adcs());
        count("DACs", s.dacs());
        count("SNN cores", s.snnCores());
        count("neurons", s.neurons());
        count("synapses", s.synapses());
        count("buffers", s.buffers());
        line(2, String.format(Locale.ROOT, "%-20s %15s", "buffer capacity", q(s.bufferBits(), Dimension.INFORMATION)));
        count("network endpoints", s.endpoints());
        count("routers", s.routers());
    }

    private void count(String label, long value) {
        line(2, String.format(Locale.ROOT, "%-20s %,15d", label, value));
    }

    private void line(int depth, String text) {
        sb.append("  ".repeat(depth)).append(text).append('\n');
    }

    private static String q(double v, Dimension d) {
        return QuantityFormat.format(v, d);
    }
}
