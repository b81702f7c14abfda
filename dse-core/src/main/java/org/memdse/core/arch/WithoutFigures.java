package org.memdse.core.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A copy of a system with every published figure removed, so that the cost models alone price
 * it: how a user checks what the models say about a chip whose figures they know.
 */
public final class WithoutFigures {
    private static final PublishedFigures NONE = PublishedFigures.NONE;

    private WithoutFigures() {
    }

    public static Architecture of(Architecture a) {
        List<Template> templates = new ArrayList<>();
        for (Template t : a.templates()) {
            templates.add(template(t));
        }
        List<Subsystem> subsystems = new ArrayList<>();
        for (Subsystem s : a.subsystems()) {
            subsystems.add(subsystem(s, templates));
        }
        Interconnect i = a.interconnect();
        OnChipNetwork o = i.onChip();
        Interconnect interconnect = new Interconnect(
                o.withFigures(NONE, NONE),
                i.spikes().map(SpikeNetwork::withoutFigures),
                i.chipToChip().map(c -> new ChipLinks(c.links(), c.widthBits(), c.frequencyHz(), c.kind(), NONE)),
                i.spikeRouting());
        return new Architecture(a.name(), a.description(), a.technology(), a.devices(), templates, subsystems, interconnect,
                new PowerGating(a.powerGating().gate(), a.powerGating().residualLeakage(), java.util.OptionalDouble.empty()),
                a.board().map(b -> new Board(b.chips(), b.topology(), b.places(), b.columns(), b.connections(),
                        b.link().map(c -> new ChipLinks(c.links(), c.widthBits(), c.frequencyHz(), c.kind(), NONE)))));
    }

    private static Template template(Template t) {
        if (t instanceof CimTileTemplate c) {
            Macro m = c.macro();
            Crossbars x = m.crossbars();
            Macro macro = new Macro(
                    new Crossbars(x.count(), x.rows(), x.cols(), x.bitsPerCell(), x.device(), x.cell(), x.signedWeights(), NONE,
                            x.cellAreaF2()),
                    new Adc(m.adc().kind(), m.adc().bits(), m.adc().columnsPerAdc(), m.adc().sampleRateHz(), NONE),
                    new Dac(m.dac().bits(), NONE), m.inputEncoding(),
                    m.sampleHold().map(s -> new SampleHold(NONE)),
                    m.shiftAdd().map(s -> new ShiftAdd(s.count(), NONE)),
                    buffers(m.buffers()), NONE, NONE, m.circuitNoise());
            List<DigitalUnit> digital = c.digital().stream().map(d -> new DigitalUnit(d.kind(), d.count(), NONE)).toList();
            return new CimTileTemplate(c.name(), c.macros(), macro, buffers(c.buffers()), digital, NONE, c.analogTransfer(),
                    c.inputLoading(), new TileWiring(c.wiring().topology(), c.wiring().widthBits(), NONE), c.learning());
        }
        SnnCoreTemplate s = (SnnCoreTemplate) t;
        SynapseArray y = s.synapses();
        return new SnnCoreTemplate(s.name(), s.neurons(), new NeuronSpec(s.neuron().model(), s.neuron().circuit(), NONE),
                new SynapseArray(y.rows(), y.cols(), y.weightBits(), y.device(), NONE), s.learning(), s.timeStepS(), NONE);
    }

    private static List<Buffer> buffers(List<Buffer> buffers) {
        return buffers.stream().map(b -> new Buffer(b.name(), b.kind(), b.capacityBits(), b.widthBits(), NONE)).toList();
    }

    private static Subsystem subsystem(Subsystem s, List<Template> templates) {
        if (s instanceof TileArray t) {
            Optional<Template> stripped = templates.stream().filter(x -> x.name().equals(t.template().name())).findFirst();
            return new TileArray(t.name(), stripped.orElseThrow(), t.count());
        }
        if (s instanceof Encoder e) {
            return new Encoder(e.name(), e.channels(), e.scheme(), NONE);
        }
        if (s instanceof IntegrationInterface i) {
            return new IntegrationInterface(i.name(), i.direction(), i.channels(), NONE);
        }
        if (s instanceof GlobalBuffer g) {
            Buffer b = g.buffer();
            return new GlobalBuffer(g.name(), new Buffer(b.name(), b.kind(), b.capacityBits(), b.widthBits(), NONE), g.banks());
        }
        if (s instanceof ReservoirArray r) {
            return new ReservoirArray(r.name(), r.devices(), r.pulseVoltage(), r.pulseCurrent(), r.pulseWidth(),
                    r.adcChannels(), new Adc(r.adc().kind(), r.adc().bits(), r.adc().columnsPerAdc(), r.adc().sampleRateHz(),
                    NONE), new Dac(r.dac().bits(), NONE), NONE);
        }
        AdDa d = (AdDa) s;
        return new AdDa(d.name(), d.channels(), new Adc(d.adc().kind(), d.adc().bits(), d.adc().columnsPerAdc(),
                d.adc().sampleRateHz(), NONE), new Dac(d.dac().bits(), NONE));
    }
}
