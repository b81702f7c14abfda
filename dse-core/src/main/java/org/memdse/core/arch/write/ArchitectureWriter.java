package org.memdse.core.arch.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.memdse.core.arch.AdDa;
import org.memdse.core.arch.Adc;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Buffer;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.CircuitNoise;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.DeviceWrite;
import org.memdse.core.arch.ActivationProducts;
import org.memdse.core.arch.Learning;
import org.memdse.core.arch.LearningRule;
import org.memdse.core.arch.UpdateScheme;
import org.memdse.core.arch.DigitalUnit;
import org.memdse.core.arch.Encoder;
import org.memdse.core.arch.GlobalBuffer;
import org.memdse.core.arch.ReservoirArray;
import org.memdse.core.arch.IntegrationInterface;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.NonIdealities;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.PowerGating;
import org.memdse.core.arch.ProgrammingFit;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.Template;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.units.Dimension;
import org.memdse.core.units.QuantityFormat;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes an {@link Architecture} back out as a self-contained description (includes inlined,
 * every default made explicit, so that a sweep can name any of them by its path) that
 * {@link ArchitectureReader} reads to an equal model. A key left out means "none" (an optional
 * component, a published figure not given); {@code WrittenDefaultsTest} checks that no key the
 * reader would default is left out.
 */
public final class ArchitectureWriter {
    private ArchitectureWriter() {
    }

    public static String toYaml(Architecture a) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", ArchitectureReader.FORMAT_VERSION);
        root.put("name", a.name());
        if (!a.description().isEmpty()) {
            root.put("description", a.description());
        }
        root.put("technology", map("node", q(a.technology().nodeMeters(), Dimension.LENGTH),
                "vdd", q(a.technology().vdd(), Dimension.VOLTAGE),
                "clock", a.technology().clockGiven() ? q(a.technology().clockHz(), Dimension.FREQUENCY) : "auto",
                "flavour", a.technology().flavour().key(),
                "timing", a.technology().timing().key()));
        Map<String, Object> devices = new LinkedHashMap<>();
        for (Device d : a.devices()) {
            devices.put(d.name(), device(d));
        }
        root.put("devices", devices);
        Map<String, Object> templates = new LinkedHashMap<>();
        for (Template t : a.templates()) {
            templates.put(t.name(), template(t));
        }
        root.put("templates", templates);
        Map<String, Object> subsystems = new LinkedHashMap<>();
        for (Subsystem s : a.subsystems()) {
            subsystems.put(s.name(), subsystem(s));
        }
        root.put("subsystems", subsystems);
        root.put("interconnect", interconnect(a.interconnect()));
        root.put("power_gating", powerGating(a.powerGating()));
        a.board().ifPresent(b -> root.put("board", board(b)));

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        return new Yaml(options).dump(root);
    }

    private static Map<String, Object> device(Device d) {
        Map<String, Object> m = map("kind", d.kind().key(), "r_on", q(d.rOn(), Dimension.RESISTANCE),
                "r_off", q(d.rOff(), Dimension.RESISTANCE), "levels", d.levels(),
                "v_read", q(d.vRead(), Dimension.VOLTAGE), "t_read", q(d.tRead(), Dimension.TIME),
                "write_energy", q(d.writeEnergy(), Dimension.ENERGY), "write_time", q(d.writeTime(), Dimension.TIME));
        if (d.write().isEmpty()) {
            // With write parameters the endurance is written once, under write:.
            m.put("endurance", QuantityFormat.number(d.endurance()));
        }
        m.put("volatile", d.isVolatile());
        m.put("nonidealities", nonIdealities(d.nonIdealities()));
        if (d.vWrite() > 0) {
            m.put("v_write", q(d.vWrite(), Dimension.VOLTAGE));
        }
        d.write().ifPresent(w -> m.put("write", write(w)));
        return m;
    }

    /** A device's write parameters, every default written out. */
    private static Map<String, Object> write(DeviceWrite w) {
        return map("levels", w.levels(),
                "set", map("voltage", q(w.vSet(), Dimension.VOLTAGE), "width", q(w.tSet(), Dimension.TIME)),
                "reset", map("voltage", q(w.vReset(), Dimension.VOLTAGE), "width", q(w.tReset(), Dimension.TIME)),
                "g_min", q(w.gMin(), Dimension.CONDUCTANCE), "g_max", q(w.gMax(), Dimension.CONDUCTANCE),
                "nonlinearity", map("ltp", QuantityFormat.number(w.nlLtp()), "ltd", QuantityFormat.number(w.nlLtd())),
                "c2c", QuantityFormat.number(w.c2c()), "d2d", QuantityFormat.number(w.d2d()),
                "endurance", QuantityFormat.number(w.endurance()), "retention", q(w.retentionS(), Dimension.TIME));
    }

    /** A learning block with every default its rule reads written out. */
    private static Map<String, Object> learning(Learning l) {
        Map<String, Object> m = map("rule", l.rule().key());
        if (!l.active()) {
            return m;
        }
        if (l.rule() == LearningRule.IN_SITU_BACKPROP) {
            m.put("batch_size", l.batchSize());
            m.put("samples_per_epoch", l.samplesPerEpoch());
            m.put("epochs", l.epochs());
            m.put("gradient_unit", l.gradientUnit().key());
            m.put("dram_staging", l.offChipStaging());
        } else {
            m.put("event_rate", q(l.eventRateHz(), Dimension.FREQUENCY));
        }
        Map<String, Object> u = map("scheme", l.scheme().key(), "steps", QuantityFormat.number(l.steps()));
        if (l.scheme() == UpdateScheme.WRITE_VERIFY) {
            u.put("max_iterations", l.maxIterations());
            u.put("tolerance", QuantityFormat.number(l.tolerance()));
        }
        if (l.scheme() == UpdateScheme.STOCHASTIC_OUTER_PRODUCT) {
            u.put("pulse_train", l.pulseTrain());
        }
        m.put("update", u);
        return m;
    }

    private static Map<String, Object> template(Template t) {
        if (t instanceof CimTileTemplate c) {
            Map<String, Object> m = map("kind", CimTileTemplate.KIND, "macros", c.macros(), "macro", macro(c.macro()));
            if (!c.buffers().isEmpty()) {
                m.put("buffers", buffers(c.buffers()));
            }
            if (!c.digital().isEmpty()) {
                List<Object> digital = new ArrayList<>();
                for (DigitalUnit d : c.digital()) {
                    digital.add(withFigures(map("kind", d.kind().key(), "count", d.count()), d.figures()));
                }
                m.put("digital", digital);
            }
            m.put("input_loading", c.inputLoading().key());
            m.put("analog_transfer", c.analogTransfer());
            Map<String, Object> wiring = map("topology", c.wiring().topology().key());
            // The width only when given: by default it follows the buffers' widths.
            c.wiring().widthBits().ifPresent(w -> wiring.put("width", q(w, Dimension.INFORMATION)));
            m.put("wiring", withFigures(wiring, c.wiring().figures()));
            if (c.learning().active()) {
                m.put("learning", learning(c.learning()));
            }
            if (c.activationProducts().rewritten()) {
                ActivationProducts p = c.activationProducts();
                Map<String, Object> products = map("run_on", p.runOn().key(), "scheme", p.scheme().key());
                if (p.scheme() == UpdateScheme.WRITE_VERIFY) {
                    products.put("max_iterations", p.maxIterations());
                    products.put("tolerance", QuantityFormat.number(p.tolerance()));
                }
                m.put("activation_products", products);
            }
            return withFigures(m, c.figures());
        }
        SnnCoreTemplate s = (SnnCoreTemplate) t;
        Map<String, Object> m = map("kind", SnnCoreTemplate.KIND, "neurons", s.neurons(),
                "neuron", withFigures(map("model", s.neuron().model().key(), "circuit", s.neuron().circuit().key()),
                        s.neuron().figures()),
                "synapses", withFigures(map("rows", s.synapses().rows(), "cols", s.synapses().cols(),
                        "weight_bits", s.synapses().weightBits(), "device", s.synapses().device().name()),
                        s.synapses().figures()),
                "learning", learning(s.learning()),
                "time_step", q(s.timeStepS(), Dimension.TIME));
        return withFigures(m, s.figures());
    }

    private static Map<String, Object> macro(Macro macro) {
        Crossbars x = macro.crossbars();
        Map<String, Object> crossbars = map("count", x.count(), "rows", x.rows(), "cols", x.cols(),
                "bits_per_cell", x.bitsPerCell(), "device", x.device().name(), "cell", x.cell().key(),
                "signed_weights", x.signedWeights().key(), "cell_area_f2", x.cellAreaF2());
        Map<String, Object> m = map(
                "crossbars", withFigures(crossbars, x.figures()),
                "adc", adc(macro.adc()),
                "input_encoding", macro.inputEncoding().key());
        if (macro.inputEncoding() != org.memdse.core.arch.InputEncoding.PULSE_WIDTH) {
            m.put("dac", withFigures(map("bits", macro.dac().bits()), macro.dac().figures()));
        }
        macro.sampleHold().ifPresent(s -> m.put("sample_hold", withFigures(map(), s.figures())));
        macro.shiftAdd().ifPresent(s -> m.put("shift_add", withFigures(map("count", s.count()), s.figures())));
        if (!macro.arrayPeriphery().isEmpty()) {
            m.put("array_periphery", withFigures(map(), macro.arrayPeriphery()));
        }
        if (!macro.levelShifters().isEmpty()) {
            m.put("level_shifters", withFigures(map(), macro.levelShifters()));
        }
        CircuitNoise n = macro.circuitNoise();
        m.put("nonidealities", map("adc_offset", n.adcOffset(),
                "adc_noise", n.adcNoise(), "transfer_noise", n.transferNoise()));
        if (!macro.buffers().isEmpty()) {
            m.put("buffers", buffers(macro.buffers()));
        }
        return m;
    }

    private static Map<String, Object> adc(Adc adc) {
        Map<String, Object> m = map("kind", adc.kind().key(), "bits", adc.bits(), "columns_per_adc", adc.columnsPerAdc());
        adc.sampleRateHz().ifPresent(r -> m.put("sample_rate", q(r, Dimension.FREQUENCY)));
        return withFigures(m, adc.figures());
    }

    private static List<Object> buffers(List<Buffer> buffers) {
        List<Object> list = new ArrayList<>();
        for (Buffer b : buffers) {
            list.add(withFigures(map("name", b.name(), "kind", b.kind().key(),
                    "capacity", q(b.capacityBits(), Dimension.INFORMATION),
                    "width", q(b.widthBits(), Dimension.INFORMATION)), b.figures()));
        }
        return list;
    }

    private static Map<String, Object> subsystem(Subsystem s) {
        if (s instanceof TileArray t) {
            return map("template", t.template().name(), "count", t.count());
        }
        if (s instanceof Encoder e) {
            return withFigures(map("kind", Encoder.KIND, "channels", e.channels(), "scheme", e.scheme().key()), e.figures());
        }
        if (s instanceof IntegrationInterface i) {
            return withFigures(map("kind", IntegrationInterface.KIND, "direction", i.direction().key(),
                    "channels", i.channels()), i.figures());
        }
        if (s instanceof GlobalBuffer g) {
            Buffer b = g.buffer();
            return withFigures(map("kind", GlobalBuffer.KIND, "memory", b.kind().key(),
                    "capacity", q(b.capacityBits(), Dimension.INFORMATION), "width", q(b.widthBits(), Dimension.INFORMATION),
                    "banks", g.banks()), b.figures());
        }
        if (s instanceof ReservoirArray r) {
            Map<String, Object> adc = adc(r.adc());
            adc.remove("columns_per_adc");
            return withFigures(map("kind", ReservoirArray.KIND, "devices", r.devices(),
                    "pulse", map("voltage", q(r.pulseVoltage(), Dimension.VOLTAGE), "current", q(r.pulseCurrent(), Dimension.CURRENT),
                            "width", q(r.pulseWidth(), Dimension.TIME)),
                    "adc_channels", r.adcChannels(), "adc", adc,
                    "dac", withFigures(map("bits", r.dac().bits()), r.dac().figures())), r.figures());
        }
        AdDa d = (AdDa) s;
        Map<String, Object> adc = adc(d.adc());
        adc.remove("columns_per_adc");
        return map("kind", AdDa.KIND, "channels", d.channels(), "adc", adc,
                "dac", withFigures(map("bits", d.dac().bits()), d.dac().figures()));
    }

    /** Written even when off, so the default is explicit. */
    private static Map<String, Object> powerGating(PowerGating g) {
        Map<String, Object> m = new LinkedHashMap<>(map("gate", g.gate().key(), "residual_leakage", g.residualLeakage()));
        g.switchArea().ifPresent(area -> m.put("area", q(area, Dimension.AREA)));
        return m;
    }

    private static Map<String, Object> interconnect(Interconnect i) {
        OnChipNetwork o = i.onChip();
        Map<String, Object> onChip = map("topology", o.topology().key(), "concentration", o.concentration());
        o.columns().ifPresent(c -> onChip.put("columns", c));
        o.rows().ifPresent(r -> onChip.put("rows", r));
        onChip.put("flit", q(o.flitBits(), Dimension.INFORMATION));
        o.linkLengthM().ifPresent(l -> onChip.put("link_length", q(l, Dimension.LENGTH)));
        if (!o.router().isEmpty()) {
            onChip.put("router", withFigures(map(), o.router()));
        }
        if (!o.link().isEmpty()) {
            onChip.put("link", withFigures(map(), o.link()));
        }
        o.clockHz().ifPresent(c -> onChip.put("clock", q(c, Dimension.FREQUENCY)));
        o.packet().ifPresent(p -> onChip.put("packet", map("header", q(p.headerBits(), Dimension.INFORMATION),
                "payload", q(p.payloadBits(), Dimension.INFORMATION))));
        Map<String, Object> m = map("on_chip", onChip);
        i.spikes().ifPresent(s -> {
            Map<String, Object> spikes = s.payloadBits() > 0
                    ? map("routing", s.routing().key(), "address", q(s.addressBits(), Dimension.INFORMATION),
                    "payload", q(s.payloadBits(), Dimension.INFORMATION))
                    : map("routing", s.routing().key(), "packet", q(s.packetBits(), Dimension.INFORMATION));
            withFigures(spikes, s.figures());
            if (!s.eastWest().isEmpty()) {
                spikes.put("east_west", withFigures(map(), s.eastWest()));
            }
            if (!s.northSouth().isEmpty()) {
                spikes.put("north_south", withFigures(map(), s.northSouth()));
            }
            m.put("spikes", spikes);
        });
        i.chipToChip().ifPresent(c -> {
            Map<String, Object> links = map("links", c.links(), "width", q(c.widthBits(), Dimension.INFORMATION),
                    "frequency", q(c.frequencyHz(), Dimension.FREQUENCY));
            c.kind().ifPresent(k -> links.put("kind", k.key()));
            m.put("chip_to_chip", withFigures(links, c.figures()));
        });
        m.put("spike_routing", i.spikeRouting().key());
        return m;
    }

    private static Map<String, Object> board(org.memdse.core.arch.Board b) {
        Map<String, Object> m = map("chips", b.chips(), "topology", b.topology().key());
        if (b.topology() == org.memdse.core.arch.BoardTopology.MESH) {
            m.put("columns", b.columns());
            m.put("rows", b.rows());
        } else {
            m.put("places", b.places());
        }
        if (b.topology() == org.memdse.core.arch.BoardTopology.CUSTOM) {
            m.put("connections", b.connections().stream().map(c -> List.of(c.a(), c.b())).toList());
        }
        b.link().ifPresent(c -> {
            Map<String, Object> link = map("links", c.links(), "width", q(c.widthBits(), Dimension.INFORMATION),
                    "frequency", q(c.frequencyHz(), Dimension.FREQUENCY));
            c.kind().ifPresent(k -> link.put("kind", k.key()));
            m.put("link", withFigures(link, c.figures()));
        });
        return m;
    }

    private static Map<String, Object> withFigures(Map<String, Object> m, PublishedFigures f) {
        put(m, "area", f.area(), Dimension.AREA);
        put(m, "energy", f.energy(), Dimension.ENERGY);
        put(m, "power", f.power(), Dimension.POWER);
        put(m, "leakage_power", f.leakagePower(), Dimension.POWER);
        put(m, "latency", f.latency(), Dimension.TIME);
        return m;
    }

    private static void put(Map<String, Object> m, String key, OptionalDouble value, Dimension dimension) {
        value.ifPresent(v -> m.put(key, q(v, dimension)));
    }

    /**
     * Every non-ideality with its value (the kind's defaults written out); the device's variability
     * is folded into programming_error, so it is not written again.
     */
    private static Map<String, Object> nonIdealities(NonIdealities n) {
        Object programming = n.programmingFit() == ProgrammingFit.CONSTANT ? n.programmingSigma()
                : n.programmingFit().key();
        return map("programming_error", programming, "read_noise", n.readNoise(),
                "drift", map("nu", n.driftNu(), "nu_sigma", n.driftNuSigma(),
                        "t0", q(n.driftT0S(), Dimension.TIME), "at", q(n.driftAtS(), Dimension.TIME)),
                "stuck_at", map("hrs", n.stuckAtHrs(), "lrs", n.stuckAtLrs()),
                "wire_resistance", q(n.wireResistance(), Dimension.RESISTANCE));
    }

    private static String q(double value, Dimension dimension) {
        return QuantityFormat.format(value, dimension);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
