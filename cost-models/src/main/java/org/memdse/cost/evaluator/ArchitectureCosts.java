package org.memdse.cost.evaluator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.memdse.core.arch.Buffer;
import org.memdse.core.arch.DigitalKind;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Components;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.GlobalBuffer;
import org.memdse.core.arch.InputEncoding;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.ReservoirArray;
import org.memdse.core.arch.ShiftAdd;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.TileArray;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.eval.PeakFigures;
import org.memdse.cost.gating.SleepSwitchModel;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.timing.ClockDerivation;
import org.memdse.cost.timing.SensingPath;
import org.memdse.cost.wire.WireLayout;

/**
 * Every component of a system priced once (Accelergy's ART and ERT), and the figures that need
 * no network: area by kind and subsystem, peak and static power, peak throughput. Built once
 * per architecture; immutable.
 */
public final class ArchitectureCosts {
    private final Architecture architecture;
    private final List<PricedComponent> components;
    /** Path -> priced group: the evaluator's lookups are O(1). */
    private final Map<String, PricedComponent> byPath = new HashMap<>();
    /** Per CIM subsystem, everything a crossbar layer needs, resolved once. */
    private final Map<String, CimSubsystem> cim = new HashMap<>();
    /** Static power of each tile array's components, W. */
    private final Map<String, Double> tileArrayLeakage = new HashMap<>();
    /** Peak figures per op convention, computed on first use (they need no network). */
    private final Map<OpConvention, PeakFigures> peaks = new ConcurrentHashMap<>();
    /** The chip's global buffer (the first one described), or null. */
    private final PricedComponent globalBuffer;
    /** The global buffer's bus to the tiles, or null. */
    private final PricedComponent globalBus;
    /** The global buffer's line width and the bits it moves per access (banks x line width). */
    private final double globalBufferWidthBits;
    private final double globalBufferBitsPerAccess;
    /** The on-chip network's layout: how many link transfers a route of h hops is worth. */
    private final WireLayout networkLayout;

    private ArchitectureCosts(Architecture architecture, List<PricedComponent> components) {
        this.architecture = architecture;
        for (PricedComponent p : components) {
            byPath.putIfAbsent(p.component().path(), p);
        }
        for (TileArray a : architecture.tileArrays()) {
            if (a.template() instanceof CimTileTemplate t) {
                cim.put(a.name(), new CimSubsystem(a.name(), t));
            }
        }
        GlobalBuffer g = architecture.subsystems().stream().filter(GlobalBuffer.class::isInstance)
                .map(GlobalBuffer.class::cast).findFirst().orElse(null);
        this.globalBuffer = g == null ? null : byPath.get(g.name());
        this.globalBus = g == null ? null : byPath.get(g.name() + ".bus");
        this.globalBufferWidthBits = g == null ? 1 : g.buffer().widthBits();
        this.globalBufferBitsPerAccess = g == null ? 1 : g.bitsPerAccess();
        this.networkLayout = WireLayout.of(architecture.interconnect().onChip(), architecture.networkEndpoints());
        List<PricedComponent> all = new ArrayList<>(components);
        for (TileArray a : architecture.tileArrays()) {
            double leakage = 0;
            double peakPower = 0;
            for (PricedComponent p : components) {
                if (p.component().subsystem().equals(a.name())) {
                    leakage += p.leakagePower();
                    peakPower += peakPower(p);
                }
            }
            tileArrayLeakage.put(a.name(), leakage);
            if (architecture.powerGating().enabled() && a.count() > 0) {
                // One sleep switch per tile or core (of every chip), sized for its share of the array's peak current.
                long instances = a.count() * (long) architecture.chips();
                PricedComponent sw = new PricedComponent(new Component(a.name() + ".power_switch", a.name(),
                        ComponentKind.POWER_SWITCH, architecture.powerGating(), instances, PublishedFigures.NONE),
                        SleepSwitchModel.create(peakPower / instances, architecture.technology(), architecture.powerGating()));
                all.add(sw);
                byPath.putIfAbsent(sw.component().path(), sw);
            }
        }
        this.components = List.copyOf(all);
    }

    /**
     * Static power of all the tiles or cores of one array (the components of that subsystem,
     * sleep switches aside), W; 0 for a name that is no tile array.
     */
    public double tileArrayLeakage(String subsystem) {
        return tileArrayLeakage.getOrDefault(subsystem, 0.0);
    }

    /**
     * Link TRANSFER actions a route of {@code hops} hops takes: its wire length over one mean link's
     * (hops on a mesh or torus, more for an H-tree route through its long upper links, fewer through its
     * short lower ones; one per transfer on a bus).
     */
    public double linkTransfers(int hops) {
        return networkLayout.transfersFor(hops);
    }

    /** The chip's global buffer, or null when it has none. */
    public PricedComponent globalBuffer() {
        return globalBuffer;
    }

    /** The global buffer's bus to the tiles (one TRANSFER moves banks x line width bits), or null. */
    public PricedComponent globalBus() {
        return globalBus;
    }

    /** Bits of one global-buffer line (what one READ or WRITE action of its model moves). */
    public double globalBufferWidthBits() {
        return globalBufferWidthBits;
    }

    /** Bits the global buffer moves per access (banks x line width). */
    public double globalBufferBitsPerAccess() {
        return globalBufferBitsPerAccess;
    }

    /**
     * A CIM subsystem's components and read cycle, looked up once per architecture.
     * Fields are null when the tile has no such component.
     */
    public final class CimSubsystem {
        public final String name;
        public final CimTileTemplate template;
        public final Macro macro;
        public final PricedComponent crossbars;
        /** One array's decoders, switch matrices and column multiplexers. */
        public final PricedComponent periphery;
        public final PricedComponent adc;
        public final PricedComponent dac;
        public final PricedComponent sampleHold;
        public final PricedComponent shiftAdd;
        /** The tile's wires from its buffers to its macros; one TRANSFER moves {@link #wiringWidthBits}. */
        public final PricedComponent wiring;
        public final double wiringWidthBits;
        /** The first tile-level buffer, else the first macro buffer. */
        public final PricedComponent buffer;
        public final double bufferWidthBits;
        public final double readCycle;
        /**
         * How long the cells conduct per read cycle, in read pulses (t_read), and how many times the
         * row lines are charged per read cycle: see {@link #conduction(PricedComponent, PricedComponent, Macro)}.
         */
        public final double conduction;
        public final double rowDrives;
        /** No sample-and-hold: the converters sense the held rows' columns one after another. */
        public final boolean sensedInTurn;
        /**
         * The array's own time per read cycle: the read pulse with a sample-and-hold (the
         * conversions overlap the next read); without, the read cycle besides its conversions
         * (row and column settling, multiplexer, and the rest of the clock cycles they take).
         */
        public final double arrayTime;
        private final PricedComponent[] digital = new PricedComponent[DigitalKind.values().length];

        CimSubsystem(String name, CimTileTemplate t) {
            this.name = name;
            this.template = t;
            this.macro = t.macro();
            this.crossbars = byPath.get(name + ".macro.crossbars");
            this.periphery = byPath.get(name + ".macro.array_periphery");
            this.adc = byPath.get(name + ".macro.adc");
            this.dac = byPath.get(name + ".macro.dac");
            this.sampleHold = byPath.get(name + ".macro.sample_hold");
            this.shiftAdd = byPath.get(name + ".macro.shift_add");
            this.wiring = byPath.get(name + ".wiring");
            this.wiringWidthBits = t.wiringWidthBits();
            Buffer b = !t.buffers().isEmpty() ? t.buffers().get(0) : t.macro().buffers().isEmpty() ? null : t.macro().buffers().get(0);
            this.buffer = b == null ? null
                    : byPath.get(!t.buffers().isEmpty() ? name + ".buffers." + b.name() : name + ".macro.buffers." + b.name());
            this.bufferWidthBits = b == null ? 1 : b.widthBits();
            this.readCycle = readCycle(name, t.macro());
            this.conduction = conduction(crossbars, adc, macro);
            this.sensedInTurn = crossbars != null && adc != null && macro.sampleHold().isEmpty();
            double convert = adc == null ? 0 : adc.model().latency(Action.CONVERT);
            this.arrayTime = sensedInTurn ? readCycle - macro.adc().columnsPerAdc() * convert
                    : crossbars == null ? 0 : crossbars.model().latency(Action.READ);
            this.rowDrives = rowDrives(macro);
            for (DigitalKind kind : DigitalKind.values()) {
                // The tile's unit of that kind; accumulation falls back to shift-and-add, anything to activation.
                for (DigitalKind k : List.of(kind, DigitalKind.SHIFT_ADD, DigitalKind.ACTIVATION)) {
                    if (digital[kind.ordinal()] == null && t.digital().stream().anyMatch(d -> d.kind() == k)) {
                        digital[kind.ordinal()] = byPath.get(name + ".digital." + k.key());
                    }
                }
            }
        }

        /** The digital unit that does {@code kind} work on this tile, or null. */
        public PricedComponent digital(DigitalKind kind) {
            return digital[kind.ordinal()];
        }
    }

    /**
     * Read pulses' worth of conduction of every cell per read cycle. With a sample-and-hold (or no
     * converter) each column is sampled during the read pulse and held: the cells conduct for
     * t_read. Without one, a column's current is sensed directly by its converter, so its cells
     * conduct for the conversion time t_convert, and the {@code columns_per_adc} columns sharing a
     * converter are sensed in turn, each for its own conversion: sharing serialises the conversions
     * but does not shorten any column's conduction, so the array energy per read cycle is
     * t_convert / t_read pulses whatever the sharing (DNN+NeuroSim V1.3/V1.4 SubArray.cpp,
     * conventional parallel read, and MultilevelSenseAmp.cpp CalculatePower: each column's cell
     * current is counted over its converter's sensing time; the columns the multiplexer has not
     * selected float and only charge their line, which NeuroSim counts as capBL·V² per column,
     * negligible here; docs/reference/timing.md §1).
     */
    static double conduction(PricedComponent crossbars, PricedComponent adc, Macro macro) {
        if (crossbars == null || adc == null || macro.sampleHold().isPresent()) {
            return 1;
        }
        double read = crossbars.model().latency(Action.READ);
        return read > 0 ? adc.model().latency(Action.CONVERT) / read : 1;
    }

    /**
     * Row-line charges per read cycle: once with a sample-and-hold; without one, once per column a
     * shared converter senses, since each sensing reapplies the row inputs (DNN+NeuroSim V1.3/V1.4
     * SubArray.cpp CalculatePower, conventional parallel read: the word-line energy
     * capRow·V²·rows·activity is multiplied by numColMuxed; docs/reference/timing.md §1).
     */
    static double rowDrives(Macro macro) {
        if (macro.sampleHold().isPresent()) {
            return 1;
        }
        return Math.max(1, Math.min(macro.adc().columnsPerAdc(), macro.crossbars().cols()));
    }

    /** The CIM subsystem of that name, or null. */
    public CimSubsystem cim(String subsystem) {
        return cim.get(subsystem);
    }

    /**
     * Prices every component of {@code architecture} with the registry's models. A multi-chip
     * system ({@code board:}) has every component of the chip once per chip (each priced as the
     * chip's), and its board links: one {@code board.link} group of two link ends (one on each
     * chip) per connection, priced by the chip-link model of the board link's kind.
     */
    public static ArchitectureCosts of(Architecture architecture, ComponentModelRegistry registry) {
        // clock: auto -> the clock the slowest sensing path sets, before anything is priced at it.
        Architecture clocked = ClockDerivation.resolve(architecture);
        int chips = clocked.chips();
        List<PricedComponent> priced = new ArrayList<>();
        for (Component c : Components.of(clocked)) {
            Component all = chips == 1 ? c
                    : new Component(c.path(), c.subsystem(), c.kind(), c.spec(), c.count() * chips, c.figures());
            priced.add(new PricedComponent(all, registry.modelFor(c, clocked)));
        }
        clocked.board().ifPresent(b -> b.link().ifPresent(link -> {
            Component c = new Component(BOARD_LINK, "board", ComponentKind.CHIP_LINK, link,
                    2L * b.connections().size(), link.figures());
            priced.add(new PricedComponent(c, registry.modelFor(c, clocked)));
        }));
        return new ArchitectureCosts(clocked, priced);
    }

    /** The path of a multi-chip system's board links. */
    public static final String BOARD_LINK = "board.link";

    /** Chips in the system (1 without a board). */
    public int chips() {
        return architecture.chips();
    }

    public Architecture architecture() {
        return architecture;
    }

    public List<PricedComponent> components() {
        return components;
    }

    /** The priced group at a path such as {@code cim.macro.adc}. */
    public Optional<PricedComponent> component(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** Area, power and peak throughput with every array busy (computed once per convention). */
    public PeakFigures peak(OpConvention convention) {
        return peaks.computeIfAbsent(convention, this::computePeak);
    }

    private PeakFigures computePeak(OpConvention convention) {
        Breakdown areaByKind = Breakdown.EMPTY;
        Breakdown areaBySubsystem = Breakdown.EMPTY;
        Breakdown powerByKind = Breakdown.EMPTY;
        double leakage = 0;
        for (PricedComponent p : components) {
            areaByKind = areaByKind.plus(p.component().kind().key(), p.area());
            areaBySubsystem = areaBySubsystem.plus(p.component().subsystem(), p.area());
            powerByKind = powerByKind.plus(p.component().kind().key(), peakPower(p));
            leakage += p.leakagePower();
        }
        double ops = 0;
        double synapticOps = 0;
        for (TileArray array : architecture.tileArrays()) {
            if (array.template() instanceof CimTileTemplate t) {
                ops += array.count() * (long) architecture.chips() * t.macros() * macroPeakMacsPerSecond(array.name(), t.macro(), convention)
                        * OpConvention.OPS_PER_MAC;
            } else if (array.template() instanceof SnnCoreTemplate t) {
                synapticOps += array.count() * (long) architecture.chips() * corePeakSynapticOpsPerSecond(array.name(), t);
            }
        }
        return new PeakFigures(convention, areaByKind.total(), areaByKind, areaBySubsystem, powerByKind.total(),
                powerByKind, leakage, ops, synapticOps);
    }

    /**
     * Share of input bits that are 1 (bit-serial inputs) the peak figures assume: only those rows
     * are driven and read. Peak figures need no network, so they take uniform data bits (0.5)
     * whatever the workload; an evaluation uses each layer's own share
     * ({@code NetworkGraph.inputBitDensity(node)}: given, or the default for the activation that
     * produced the layer's input, 0.15 after ReLU).
     */
    public static final double INPUT_BIT_ACTIVITY = 0.5;

    /**
     * Power of a component group with every array busy. A published {@code power} is taken as
     * it is. Otherwise the macro's parts run at the rate one read cycle sets (each array reads
     * once, each driver drives once at the input-bit activity, each ADC converts its shared
     * columns, each sample-and-hold samples once, the shift-and-adds take every column) and
     * every other component at its own full rate.
     */
    private double peakPower(PricedComponent p) {
        if (p.component().figures().power().isPresent()) {
            return p.peakPower();
        }
        if (p == globalBuffer) {
            // At full rate the global buffer moves banks lines per access, not one.
            double perLine = p.model().energy(Action.READ) / p.model().latency(Action.READ);
            return p.component().count() * (p.model().leakagePower() + globalBufferBitsPerAccess / globalBufferWidthBits * perLine);
        }
        if (p.component().kind() == ComponentKind.DAC) {
            ReservoirArray reservoir = reservoirOf(p.component());
            if (reservoir != null) {
                // A reservoir's pulse driver holds each pulse for the array's pulse width (1 ms for
                // Zhong et al.'s devices), so it drives at most one pulse per width, not one per its
                // own settling time: at that rate zhong2021-reservoir's 32 drivers drew 1.15 W.
                double hold = Math.max(p.model().latency(Action.DRIVE), reservoir.pulseWidth());
                return p.component().count() * (p.model().leakagePower() + p.model().energy(Action.DRIVE) / hold);
            }
        }
        String path = p.component().path();
        int dot = path.indexOf(".macro.");
        if (dot < 0) {
            return p.peakPower();
        }
        String sub = path.substring(0, dot);
        Macro macro = architecture.tileArrays().stream().filter(a -> a.name().equals(sub))
                .map(TileArray::template).filter(CimTileTemplate.class::isInstance)
                .map(t -> ((CimTileTemplate) t).macro()).findFirst().orElse(null);
        double cycle = macro == null ? 0 : readCycle(sub, macro);
        if (cycle <= 0) {
            return p.peakPower();
        }
        Action action;
        double perCycle;
        switch (p.component().kind()) {
            case CROSSBAR -> { action = Action.READ; perCycle = INPUT_BIT_ACTIVITY * cim.get(sub).conduction; }
            case ARRAY_PERIPHERY -> { action = Action.READ; perCycle = 1; }
            // The write path idles while the arrays compute: it only leaks.
            case LEVEL_SHIFTER -> { return p.component().count() * p.model().leakagePower(); }
            case DAC -> { action = Action.DRIVE; perCycle = INPUT_BIT_ACTIVITY * cim.get(sub).rowDrives; }
            case ADC -> { action = Action.CONVERT; perCycle = macro.adc().columnsPerAdc(); }
            case SAMPLE_HOLD -> { action = Action.SAMPLE; perCycle = 1; }
            case SHIFT_ADD -> {
                action = Action.COMPUTE;
                int units = macro.shiftAdd().map(ShiftAdd::count).orElse(1);
                perCycle = (double) macro.crossbars().count() * macro.crossbars().cols() / units;
            }
            default -> { return p.peakPower(); }
        }
        double rate = Math.min(perCycle / cycle, p.model().latency(action) > 0 ? 1 / p.model().latency(action) : perCycle / cycle);
        return p.component().count() * (p.model().leakagePower() + p.model().energy(action) * rate);
    }

    /** The reservoir array a component belongs to, or null. */
    private ReservoirArray reservoirOf(Component c) {
        for (var s : architecture.subsystems()) {
            if (s instanceof ReservoirArray r && r.name().equals(c.subsystem())) {
                return r;
            }
        }
        return null;
    }

    /**
     * A read cycle. With a sample-and-hold: the slower of the array read pulse and the shared ADC
     * converting its held columns in turn (ISAAC: the conversions of one read overlap the next).
     * Without: the rows stay driven while the shared ADC senses its columns one after another, each
     * in whole clock cycles of its sensing path with the whole conversion
     * (columns_per_adc × ⌈(t_row + t_column + t_mux + t_convert) / T_clk⌉ × T_clk; DNN+NeuroSim V1.4
     * SubArray.cpp, synchronous mode: a read takes numColMuxed cycles of the clock the sensing path
     * sets; a SAR its bits + 1 cycles; docs/reference/timing.md §3), or with self-timed reads
     * ({@code timing: asynchronous}) columns_per_adc × that path. The device's read pulse does not
     * enter: the cells conduct while their column is sensed.
     */
    public double readCycle(String subsystem, Macro macro) {
        double read = component(subsystem + ".macro.crossbars").map(p -> p.model().latency(Action.READ)).orElse(0.0);
        Optional<PricedComponent> adc = component(subsystem + ".macro.adc");
        double convert = adc.map(p -> p.model().latency(Action.CONVERT)).orElse(0.0);
        int shared = macro.adc().columnsPerAdc();
        if (macro.sampleHold().isPresent() || adc.isEmpty() || read == 0) {
            return Math.max(read, shared * convert);
        }
        SensingPath path = SensingPath.of(macro, architecture.technology());
        double column = path.total() - path.converter() + convert;
        if (architecture.technology().selfTimed()) {
            // Asynchronous: each column is sensed in its own path's time, not in whole clock cycles
            // (DNN+NeuroSim V1.3 SubArray.cpp with synchronous = false, and V2.1 SubArray.cpp, which has no
            // synchronous mode: readLatency adds the switch matrix, multiplexer, column delay and the
            // converter's own time, numColMuxed times; docs/reference/timing.md §4).
            return shared * column;
        }
        double period = 1 / architecture.technology().clockHz();
        // A path that fills its cycles exactly takes them (the rounding guards against 1 + 1e-16 cycles).
        double cycles = Math.max(1, Math.ceil(column / period * (1 - 1e-12)));
        return shared * cycles * period;
    }

    /**
     * MACs per second of one macro with every array busy. An array holds
     * {@code cols / columnsPerWeight} weights per row, where a weight takes
     * {@code ceil(weightBits / bitsPerCell)} cells (twice that for differential pairs). One input
     * vector takes {@code ceil(activationBits / dacBits)} read cycles bit-serially (ISAAC §IV: 16
     * cycles of 100 ns for 16-bit inputs); a pulse-width input is one read of up to
     * {@code 2^bits - 1} unit pulses. A read cycle lasts as long as the slower of the array read
     * and the shared ADC converting its columns in turn.
     */
    double macroPeakMacsPerSecond(String subsystem, Macro macro, OpConvention convention) {
        Crossbars x = macro.crossbars();
        int cellsPerWeight = (convention.weightBits() + x.bitsPerCell() - 1) / x.bitsPerCell();
        int columnsPerWeight = cellsPerWeight * (x.signedWeights() == SignedWeights.DIFFERENTIAL ? 2 : 1);
        long weightsPerRow = x.cols() / columnsPerWeight;
        if (weightsPerRow == 0) {
            return 0;
        }
        double cycle = readCycle(subsystem, macro);
        double vectorTime;
        if (macro.inputEncoding() == InputEncoding.PULSE_WIDTH) {
            vectorTime = cycle * ((1L << Math.min(convention.activationBits(), 30)) - 1);
        } else {
            vectorTime = cycle * Math.ceil((double) convention.activationBits() / macro.dac().bits());
        }
        if (vectorTime <= 0) {
            return 0;
        }
        return x.count() * (double) x.rows() * weightsPerRow / vectorTime;
    }

    /** One row read of the synapse array is {@code cols} synaptic events in parallel. */
    double corePeakSynapticOpsPerSecond(String subsystem, SnnCoreTemplate core) {
        double latency = component(subsystem + ".synapses").map(p -> p.model().latency(Action.SYNAPTIC_EVENT)).orElse(0.0);
        return latency > 0 ? core.synapses().cols() / latency : 0;
    }
}
