package org.memdse.core.arch.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.memdse.core.arch.AdDa;
import org.memdse.core.arch.ActivationProducts;
import org.memdse.core.arch.Adc;
import org.memdse.core.arch.AdcKind;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Board;
import org.memdse.core.arch.BoardTopology;
import org.memdse.core.arch.Buffer;
import org.memdse.core.arch.BufferKind;
import org.memdse.core.arch.CellType;
import org.memdse.core.arch.ChipLinkKind;
import org.memdse.core.arch.ChipLinks;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Dac;
import org.memdse.core.arch.CircuitNoise;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.NonIdealities;
import org.memdse.core.arch.ProgrammingFit;
import org.memdse.core.arch.DeviceKind;
import org.memdse.core.arch.DigitalKind;
import org.memdse.core.arch.DigitalUnit;
import org.memdse.core.arch.Encoder;
import org.memdse.core.arch.EncodingScheme;
import org.memdse.core.arch.GlobalBuffer;
import org.memdse.core.arch.InputEncoding;
import org.memdse.core.arch.InputLoading;
import org.memdse.core.arch.IntegrationDirection;
import org.memdse.core.arch.IntegrationInterface;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.Learning;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.NeuronCircuit;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.arch.NeuronSpec;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.PacketFormat;
import org.memdse.core.arch.PowerGating;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.ReservoirArray;
import org.memdse.core.arch.SampleHold;
import org.memdse.core.arch.ShiftAdd;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.arch.SpikeNetwork;
import org.memdse.core.arch.SpikeRouting;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.SynapseArray;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.Template;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.TileWiring;
import org.memdse.core.arch.WiringTopology;
import org.memdse.core.arch.Topology;
import org.memdse.core.arch.Timing;
import org.memdse.core.arch.TransistorFlavour;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.SourceMap;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecContext;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecLoader.LoadedDocument;
import org.memdse.core.spec.SpecLoader;
import org.memdse.core.spec.SpecMap;
import org.memdse.core.spec.SpecNode;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.Suggestions;
import org.memdse.core.spec.Validated;

/**
 * Reads an architecture description (YAML) strictly: every mistake of the file and of the
 * files it includes is reported at once with file, line, column and document path, and no
 * {@link Architecture} is built unless there is none. The format is documented in the README
 * ("Architecture YAML"); the key names here are that format.
 */
public final class ArchitectureReader {
    /** The format version this reader understands. */
    public static final int FORMAT_VERSION = 1;

    /** Stands in for a device that could not be resolved, so reading can go on; never returned. */
    private static final Device MISSING_DEVICE =
            new Device("?", DeviceKind.RRAM, 1, 2, 2, 1, 1, 0, 0, 0, 1, 0, false);

    private final SpecContext context;
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, Template> templates = new LinkedHashMap<>();
    /** Where each device and template was defined, for "defined twice" across included files. */
    private final Map<String, SourcePosition> deviceAt = new HashMap<>();
    private final Map<String, SourcePosition> templateAt = new HashMap<>();
    /** Templates written but not readable (unknown kind): already reported, so references stay quiet. */
    private final Set<String> brokenTemplates = new HashSet<>();
    /** Devices with a mistake of their own: references to them skip checks against placeholder values. */
    private final Set<String> brokenDevices = new HashSet<>();
    /** Where each record was written, for checks made on the built architecture (e.g. model coverage). */
    private final SourceMap.Builder sources = new SourceMap.Builder();

    private ArchitectureReader(SpecContext context) {
        this.context = context;
    }

    /** Reads a description file. */
    public static Architecture read(Path file) {
        return read(SpecSource.of(file));
    }

    /**
     * Reads a description and the files it includes.
     *
     * @throws SpecException with every problem found, if there is any
     */
    public static Architecture read(SpecSource source) {
        return readValidated(source).value();
    }

    /**
     * Reads a description and the files it includes, with the warnings about it (values outside
     * the models' calibrated ranges, settings no model uses yet; see {@link ArchitectureBounds}).
     *
     * @throws SpecException with every error found (and the warnings), if there is any error
     */
    public static Validated<Architecture> readValidated(SpecSource source) {
        Diagnostics diagnostics = new Diagnostics();
        SpecContext context = new SpecContext(diagnostics);
        List<LoadedDocument> documents = SpecLoader.composeWithIncludes(source, context);
        Architecture result = null;
        ArchitectureReader reader = new ArchitectureReader(context);
        if (!documents.isEmpty()) {
            result = reader.readDocuments(documents);
        }
        context.finish();
        diagnostics.throwIfAny();
        return new Validated<>(result, diagnostics.warnings(), reader.sources.build());
    }

    /**
     * Reads a description that is already composed into a YAML node tree with its includes
     * inlined (a sweep's variant of a base description, see {@code org.memdse.core.explore}).
     * The tree is only read, never changed, so trees may share subtrees.
     *
     * @param displayName the name used in diagnostics
     * @throws SpecException with every problem found, if there is any
     */
    public static Architecture read(String displayName, org.yaml.snakeyaml.nodes.Node root) {
        return readValidated(displayName, root).value();
    }

    /** As {@link #read(String, org.yaml.snakeyaml.nodes.Node)}, with the warnings. */
    public static Validated<Architecture> readValidated(String displayName, org.yaml.snakeyaml.nodes.Node root) {
        Diagnostics diagnostics = new Diagnostics();
        SpecContext context = new SpecContext(diagnostics);
        LoadedDocument document = new LoadedDocument(SpecSource.ofText(displayName, ""),
                SpecNode.root(root, displayName, context));
        ArchitectureReader reader = new ArchitectureReader(context);
        Architecture result = reader.readDocuments(List.of(document));
        context.finish();
        diagnostics.throwIfAny();
        return new Validated<>(result, diagnostics.warnings(), reader.sources.build());
    }

    private Architecture readDocuments(List<LoadedDocument> documents) {
        SpecMap main = documents.get(0).root().asMap();
        readVersion(main, context);
        String name = main.string("name", "the system's name");
        String description = main.optionalString("description").orElse("");
        Technology technology = readTechnology(main.map("technology", "node, vdd and clock"));
        context.setFeatureSizeMeters(technology.nodeMeters());

        // Included documents are libraries: they may hold devices and templates only.
        for (int i = 1; i < documents.size(); i++) {
            SpecMap library = documents.get(i).root().asMap();
            readVersion(library, context);
            library.get(SpecLoader.INCLUDE_KEY);
            library.optionalMap("devices").ifPresent(this::readDevices);
        }
        main.optionalMap("devices").ifPresent(this::readDevices);
        for (int i = 1; i < documents.size(); i++) {
            documents.get(i).root().asMap().optionalMap("templates").ifPresent(this::readTemplates);
        }
        main.optionalMap("templates").ifPresent(this::readTemplates);
        main.get(SpecLoader.INCLUDE_KEY);

        List<Subsystem> subsystems = readSubsystems(main);
        Interconnect interconnect = readInterconnect(main.map("interconnect", "at least on_chip"));
        PowerGating powerGating = main.optionalMap("power_gating").map(ArchitectureReader::readPowerGating)
                .orElse(PowerGating.NONE);
        Optional<Board> board = main.optionalMap("board").flatMap(this::readBoard);
        Architecture architecture = new Architecture(name, description, technology, List.copyOf(devices.values()),
                List.copyOf(templates.values()), subsystems, interconnect, powerGating, board);
        main.optionalMap("interconnect").flatMap(i -> i.optionalMap("on_chip"))
                .ifPresent(o -> ArchitectureChecks.checkNetworkSize(o, architecture));
        ArchitectureChecks.checkSystemSize(main, architecture);
        main.optionalMap("board").ifPresent(b -> ArchitectureChecks.checkBoardSize(b, architecture));
        return architecture;
    }

    private static void readVersion(SpecMap map, SpecContext context) {
        map.get("version").ifPresent(v -> {
            int errorsBefore = context.diagnostics().size();
            int version = v.asInt(0, Integer.MAX_VALUE);
            // Not a number at all is already reported; do not add "found version 0".
            if (context.diagnostics().size() == errorsBefore && version != FORMAT_VERSION) {
                v.error("this memdse reads format version " + FORMAT_VERSION + ", found version " + version);
            }
        });
    }

    private Technology readTechnology(SpecMap m) {
        double node = m.quantity("node", ArchitectureBounds.NODE, "the feature size, e.g. '32 nm'");
        double vdd = m.quantity("vdd", ArchitectureBounds.VDD, "the supply voltage, e.g. '0.9 V'");
        TransistorFlavour flavour = m.enumValue("flavour", TransistorFlavour.class, TransistorFlavour.HP);
        Timing timing = m.enumValue("timing", Timing.class, Timing.SYNCHRONOUS);
        // No clock, or 'auto': the cost models derive it from the slowest sensing path.
        boolean auto = m.get("clock").map(n -> n.isScalar() && "auto".equals(n.asText("a clock").orElse(""))).orElse(true);
        if (auto) {
            return sources.put(Technology.autoClock(node, vdd, flavour).withTiming(timing), m.node());
        }
        double clock = m.quantity("clock", ArchitectureBounds.CLOCK, "the clock, e.g. '1 GHz', or 'auto' to derive it"
                + " from the slowest sensing path");
        return sources.put(new Technology(node, vdd, clock, flavour, true, timing), m.node());
    }

    /** {@code power_gating}: which idle blocks are switched off, and what a switched-off block still leaks. */
    private static PowerGating readPowerGating(SpecMap m) {
        PowerGating.Gate gate = m.enumValue("gate", PowerGating.Gate.class,
                "none, or unused (switch off the tiles and cores the mapping leaves empty)");
        double residual = m.optionalQuantity("residual_leakage", ArchitectureBounds.RESIDUAL_LEAKAGE)
                .orElse(PowerGating.DEFAULT_RESIDUAL_LEAKAGE);
        OptionalDouble area = m.optionalQuantity("area", ArchitectureBounds.FIGURE_AREA);
        return new PowerGating(gate == null ? PowerGating.Gate.NONE : gate, residual, area);
    }

    // ---- devices -------------------------------------------------------------------------

    private void readDevices(SpecMap m) {
        for (Map.Entry<String, SpecNode> e : m.entries().entrySet()) {
            SpecNode key = m.keyNode(e.getKey());
            if (devices.containsKey(e.getKey())) {
                key.error("device '" + e.getKey() + "' is defined twice (first at " + deviceAt.get(e.getKey())
                        + "); rename or remove one of them");
                continue;
            }
            deviceAt.put(e.getKey(), key.position());
            int errorsBefore = context.diagnostics().size();
            devices.put(e.getKey(), sources.put(readDevice(e.getKey(), e.getValue().asMap()), key));
            if (context.diagnostics().size() > errorsBefore) {
                brokenDevices.add(e.getKey());
            }
        }
    }

    private Device readDevice(String name, SpecMap m) {
        DeviceKind kind = m.enumValue("kind", DeviceKind.class, DeviceKind.RRAM);
        double rOn;
        double rOff;
        int errorsBefore = context.diagnostics().size();
        boolean byConductance = m.has("g_on") || m.has("g_off");
        boolean byResistance = m.has("r_on") || m.has("r_off");
        if (byConductance && byResistance) {
            m.node().error("give the on/off states either as r_on/r_off or as g_on/g_off, not both");
        }
        if (byConductance && !byResistance) {
            rOn = 1.0 / m.quantity("g_on", ArchitectureBounds.CONDUCTANCE_STATE, "on-state conductance");
            rOff = 1.0 / m.quantity("g_off", ArchitectureBounds.CONDUCTANCE_STATE, "off-state conductance");
        } else {
            rOn = m.quantity("r_on", ArchitectureBounds.RESISTANCE_STATE, "on-state resistance, e.g. '100 kOhm'");
            rOff = m.quantity("r_off", ArchitectureBounds.RESISTANCE_STATE, "off-state resistance, e.g. '10 MOhm'");
        }
        if (context.diagnostics().size() == errorsBefore) {
            ArchitectureChecks.checkOnOff(m, byConductance, rOn, rOff);
        } else {
            // Placeholders, so that the device record can still be built while reading goes on.
            rOn = 1;
            rOff = 2;
        }
        int levels = m.integer("levels", ArchitectureBounds.LEVELS, "conductance levels, e.g. 4 for 2 bits per cell");
        double vRead = m.quantity("v_read", ArchitectureBounds.V_READ, "read voltage, e.g. '0.2 V'");
        double tRead = m.quantity("t_read", ArchitectureBounds.T_READ, "read pulse width, e.g. '10 ns'");
        if (context.diagnostics().size() == errorsBefore) {
            ArchitectureChecks.checkReadCurrent(m, vRead, rOn);
        }
        double vWrite = m.optionalQuantity("v_write", ArchitectureBounds.V_WRITE).orElse(0);
        double writeEnergy = m.optionalQuantity("write_energy", ArchitectureBounds.WRITE_ENERGY).orElse(0);
        double writeTime = m.optionalQuantity("write_time", ArchitectureBounds.WRITE_TIME).orElse(0);
        double endurance = m.optionalQuantity("endurance", ArchitectureBounds.ENDURANCE).orElse(1e6);
        // The constant programming sigma of the accuracy budget (nonidealities.programming_error).
        double variability = m.optionalQuantity("variability", ArchitectureBounds.VARIABILITY).orElse(0.0);
        NonIdealities nonIdealities = NonIdealitiesReader.device(m, kind, variability);
        if (nonIdealities.programmingFit() == ProgrammingFit.CONSTANT) {
            // One spread, two spellings: the device's variability is its constant programming sigma.
            variability = nonIdealities.programmingSigma();
        }
        boolean isVolatile = m.bool("volatile", kind == DeviceKind.DIFFUSIVE);
        Device device = new Device(name, kind, rOn, rOff, levels, vRead, tRead, vWrite, writeEnergy, writeTime, endurance,
                variability, isVolatile, nonIdealities);
        Optional<SpecMap> write = m.optionalMap("write");
        if (write.isPresent()) {
            device = device.withWrite(LearningReader.readWrite(write.get(), rOn, rOff, levels, vWrite, writeTime,
                    m.get("endurance")));
        }
        return device;
    }

    private Device deviceRef(SpecMap m, String key) {
        Optional<SpecNode> ref = m.required(key, "the name of a device under devices:");
        if (ref.isEmpty()) {
            return MISSING_DEVICE;
        }
        String name = ref.get().asString();
        Device device = devices.get(name);
        if (device == null && !name.isEmpty()) {
            ref.get().error("no device named '" + name + "'" + Suggestions.didYouMean(name, devices.keySet())
                    + (devices.isEmpty() ? "; define it under devices:" : "; defined devices: " + String.join(", ", devices.keySet())));
        }
        // A device with mistakes holds placeholders (e.g. levels 2 for 'four'): checks against it would mislead.
        return device == null || brokenDevices.contains(name) ? MISSING_DEVICE : device;
    }

    // ---- figures -------------------------------------------------------------------------

    /** The published figures a component may carry as plain keys next to its parameters. */
    static PublishedFigures readFigures(SpecMap m) {
        OptionalDouble area = m.optionalQuantity("area", ArchitectureBounds.FIGURE_AREA);
        OptionalDouble energy = m.optionalQuantity("energy", ArchitectureBounds.FIGURE_ENERGY);
        OptionalDouble power = m.optionalQuantity("power", ArchitectureBounds.FIGURE_POWER);
        OptionalDouble leakage = m.optionalQuantity("leakage_power", ArchitectureBounds.FIGURE_POWER);
        OptionalDouble latency = m.optionalQuantity("latency", ArchitectureBounds.FIGURE_LATENCY);
        return new PublishedFigures(area, energy, power, leakage, latency);
    }

    // ---- templates -----------------------------------------------------------------------

    private void readTemplates(SpecMap m) {
        for (Map.Entry<String, SpecNode> e : m.entries().entrySet()) {
            SpecNode key = m.keyNode(e.getKey());
            if (templates.containsKey(e.getKey()) || brokenTemplates.contains(e.getKey())) {
                key.error("template '" + e.getKey() + "' is defined twice (first at " + templateAt.get(e.getKey())
                        + "); rename or remove one of them");
                continue;
            }
            templateAt.put(e.getKey(), key.position());
            SpecMap t = e.getValue().asMap();
            String kind = t.string("kind", "cim-tile or snn-core");
            Template template;
            if (kind.equals(CimTileTemplate.KIND)) {
                template = readCimTile(e.getKey(), t);
            } else if (kind.equals(SnnCoreTemplate.KIND)) {
                template = readSnnCore(e.getKey(), t);
            } else {
                if (!kind.isEmpty()) {
                    t.get("kind").orElseThrow().error("expected a template kind, one of cim-tile, snn-core, found '"
                            + kind + "'" + Suggestions.didYouMean(kind, List.of(CimTileTemplate.KIND, SnnCoreTemplate.KIND)));
                }
                // Its other keys cannot be checked without a kind; do not report them as unknown.
                t.entries();
                brokenTemplates.add(e.getKey());
                continue;
            }
            templates.put(e.getKey(), sources.put(template, key));
        }
    }

    private CimTileTemplate readCimTile(String name, SpecMap t) {
        int macros = t.integer("macros", ArchitectureBounds.MACROS, 1);
        Macro macro = readMacro(t.map("macro", "the crossbars and converters of one macro"));
        List<Buffer> buffers = readBuffers(t);
        List<DigitalUnit> digital = new ArrayList<>();
        for (SpecNode item : t.list("digital")) {
            SpecMap d = item.asMap();
            digital.add(sources.put(new DigitalUnit(d.enumValue("kind", DigitalKind.class, "what the unit does"),
                    d.integer("count", ArchitectureBounds.UNIT_COUNT, 1), readFigures(d)), item));
        }
        boolean analogTransfer = t.bool("analog_transfer", false);
        InputLoading inputLoading = t.enumValue("input_loading", InputLoading.class, InputLoading.ONCE);
        TileWiring wiring = t.optionalMap("wiring").map(ArchitectureReader::readWiring).orElse(TileWiring.DEFAULT);
        Device device = macro.crossbars().device();
        Learning learning = t.optionalMap("learning").map(l -> sources.put(LearningReader.readLearning(l, null,
                device == MISSING_DEVICE ? null : device, "macro.crossbars.device"), t.keyNode("learning")))
                .orElse(Learning.NONE);
        ActivationProducts products = t.optionalMap("activation_products").map(p -> sources.put(
                LearningReader.readActivationProducts(p, device == MISSING_DEVICE ? null : device,
                        "macro.crossbars.device"), t.keyNode("activation_products"))).orElse(ActivationProducts.DIGITAL);
        return new CimTileTemplate(name, macros, macro, buffers, digital, readFigures(t), analogTransfer, inputLoading,
                wiring, learning, products);
    }

    /** A tile's wiring: topology (htree or bus), width, published figures for one tile's wires. */
    private static TileWiring readWiring(SpecMap w) {
        WiringTopology topology = w.enumValue("topology", WiringTopology.class, WiringTopology.HTREE);
        OptionalDouble width = w.optionalQuantity("width", ArchitectureBounds.WIRING_WIDTH);
        return new TileWiring(topology, width, readFigures(w));
    }

    private Macro readMacro(SpecMap m) {
        int errorsBefore = context.diagnostics().size();
        SpecMap x = m.map("crossbars", "count, rows, cols, bits_per_cell, device, cell");
        int count = x.integer("count", ArchitectureBounds.CROSSBAR_COUNT, 1);
        int rows = x.integer("rows", ArchitectureBounds.CROSSBAR_LINES, "word lines per array, e.g. 128");
        int cols = x.integer("cols", ArchitectureBounds.CROSSBAR_LINES, "bit lines per array, e.g. 128");
        int bitsPerCell = x.integer("bits_per_cell", ArchitectureBounds.BITS_PER_CELL, "bits stored per cell, e.g. 2");
        Device device = deviceRef(x, "device");
        CellType cell = x.enumValue("cell", CellType.class, CellType.ONE_T_ONE_R);
        SignedWeights signed = x.enumValue("signed_weights", SignedWeights.class, SignedWeights.DIFFERENTIAL);
        PublishedFigures figures = readFigures(x);
        // a drawn cell (DNN+NeuroSim's heightInFeatureSize x widthInFeatureSize), else the type's area
        double cellAreaF2 = x.optionalQuantity("cell_area_f2", ArchitectureBounds.CELL_AREA_F2).orElse(cell.areaF2());
        Crossbars crossbars = sources.put(new Crossbars(count, rows, cols, bitsPerCell, device, cell, signed, figures,
                cellAreaF2), m.keyNode("crossbars"));
        SpecMap a = m.map("adc", "kind, bits and columns_per_adc");
        Adc adc = sources.put(readAdc(a, OptionalInt.of(crossbars.cols())), m.keyNode("adc"));
        InputEncoding encoding = m.enumValue("input_encoding", InputEncoding.class, InputEncoding.BIT_SERIAL);
        Dac dac;
        Optional<SpecMap> dacMap = m.optionalMap("dac");
        if (dacMap.isPresent()) {
            SpecMap d = dacMap.get();
            dac = sources.put(new Dac(d.integer("bits", ArchitectureBounds.CONVERTER_BITS, 1), readFigures(d)), m.keyNode("dac"));
        } else {
            dac = new Dac(encoding == InputEncoding.MULTI_BIT_DAC ? 2 : 1, PublishedFigures.NONE);
            if (encoding == InputEncoding.MULTI_BIT_DAC) {
                m.missing("dac", "a multi-bit-dac input encoding needs dac: {bits: N}");
            }
        }
        Optional<SampleHold> sampleHold = m.optionalMap("sample_hold")
                .map(s -> sources.put(new SampleHold(readFigures(s)), m.keyNode("sample_hold")));
        Optional<ShiftAdd> shiftAdd = m.optionalMap("shift_add")
                .map(s -> sources.put(new ShiftAdd(s.integer("count", ArchitectureBounds.UNIT_COUNT, 1), readFigures(s)),
                        m.keyNode("shift_add")));
        PublishedFigures periphery = m.optionalMap("array_periphery").map(ArchitectureReader::readFigures)
                .orElse(PublishedFigures.NONE);
        PublishedFigures shifters = m.optionalMap("level_shifters").map(ArchitectureReader::readFigures)
                .orElse(PublishedFigures.NONE);
        CircuitNoise circuitNoise = NonIdealitiesReader.macro(m);
        Macro macro = sources.put(new Macro(crossbars, adc, dac, encoding, sampleHold, shiftAdd, readBuffers(m), periphery,
                shifters, circuitNoise), m.node());  // the macro's first key: its own key is the template's
        // Cross checks against placeholders (cols 1 for '0') would mislead; the values are reported already.
        if (context.diagnostics().size() == errorsBefore) {
            ArchitectureChecks.checkMacro(m, macro);
        }
        return macro;
    }

    /**
     * An ADC. In a macro it is shared by {@code columns_per_adc} columns (default: all of an
     * array's); an AD/DA block has one converter per channel, so there the key is unknown.
     */
    private static Adc readAdc(SpecMap a, OptionalInt columnsOfAnArray) {
        AdcKind kind = a.enumValue("kind", AdcKind.class, "sar, flash, ramp or memristor");
        int bits = a.integer("bits", ArchitectureBounds.CONVERTER_BITS, "resolution in bits, e.g. 8");
        int columns = columnsOfAnArray.isPresent()
                ? a.integer("columns_per_adc", ArchitectureBounds.COLUMNS_PER_ADC, columnsOfAnArray.getAsInt()) : 1;
        OptionalDouble rate = a.optionalQuantity("sample_rate", ArchitectureBounds.SAMPLE_RATE);
        return new Adc(kind, bits, columns, rate, readFigures(a));
    }

    private List<Buffer> readBuffers(SpecMap owner) {
        List<Buffer> buffers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SpecNode item : owner.list("buffers")) {
            SpecMap b = item.asMap();
            String name = b.string("name", "the buffer's role, e.g. input");
            // Two buffers without a name are already reported as missing names, not as a duplicate.
            if (!name.isEmpty() && names.contains(name)) {
                b.get("name").orElse(b.node()).error("buffer '" + name + "' is defined twice here; rename one of them");
            }
            names.add(name);
            int errorsBefore = b.node().context().diagnostics().size();
            double capacity = b.quantity("capacity", ArchitectureBounds.BUFFER_CAPACITY, "e.g. '64 KiB'");
            double width = b.optionalQuantity("width", ArchitectureBounds.BUFFER_WIDTH).orElse(64);
            Buffer buffer = new Buffer(name, b.enumValue("kind", BufferKind.class, BufferKind.SRAM), capacity, width,
                    readFigures(b));
            if (b.node().context().diagnostics().size() == errorsBefore) {
                ArchitectureChecks.checkBuffer(b, buffer);
            }
            buffers.add(sources.put(buffer, item));
        }
        return buffers;
    }

    private SnnCoreTemplate readSnnCore(String name, SpecMap t) {
        int errorsBefore = context.diagnostics().size();
        int neurons = t.integer("neurons", ArchitectureBounds.NEURONS, "neurons per core, e.g. 256");
        SpecMap n = t.map("neuron", "model and circuit");
        NeuronSpec neuron = sources.put(new NeuronSpec(n.enumValue("model", NeuronModel.class, "if, lif or adaptive-lif"),
                n.enumValue("circuit", NeuronCircuit.class, NeuronCircuit.CMOS), readFigures(n)), t.keyNode("neuron"));
        SpecMap s = t.map("synapses", "rows, cols and device of the synapse array");
        SynapseArray synapses = sources.put(new SynapseArray(
                s.integer("rows", ArchitectureBounds.SYNAPSE_LINES, "input axons, e.g. 256"),
                s.integer("cols", ArchitectureBounds.SYNAPSE_LINES, neurons),
                s.integer("weight_bits", ArchitectureBounds.WEIGHT_BITS, 4),
                deviceRef(s, "device"),
                readFigures(s)), t.keyNode("synapses"));
        Device device = synapses.device();
        Learning learning = t.optionalMap("learning").map(l -> sources.put(LearningReader.readLearning(l,
                neuron.model(), device == MISSING_DEVICE ? null : device, "synapses.device"), t.keyNode("learning")))
                .orElse(Learning.NONE);
        double timeStep = t.optionalQuantity("time_step", ArchitectureBounds.TIME_STEP).orElse(1e-3);
        SnnCoreTemplate core = new SnnCoreTemplate(name, neurons, neuron, synapses, learning, timeStep, readFigures(t));
        if (context.diagnostics().size() == errorsBefore) {
            ArchitectureChecks.checkSnnCore(t, core);
        }
        return core;
    }

    // ---- subsystems ----------------------------------------------------------------------

    private List<Subsystem> readSubsystems(SpecMap main) {
        List<Subsystem> subsystems = new ArrayList<>();
        // The first CIM tile array (subsystem, template) and where it runs activation products.
        String[] firstCim = null;
        ActivationProducts firstProducts = null;
        SpecMap m = main.map("subsystems", "the blocks of the system: tiles, cores, encoder, interfaces");
        // Only when written: a missing or mistyped subsystems: is already reported.
        if (main.get("subsystems").filter(SpecNode::isMapping).isPresent() && m.keys().isEmpty()) {
            m.node().error("expected at least one subsystem, found none");
        }
        for (Map.Entry<String, SpecNode> e : m.entries().entrySet()) {
            SpecMap s = e.getValue().asMap();
            String name = e.getKey();
            if (s.has("template")) {
                SpecNode ref = s.get("template").orElseThrow();
                String templateName = ref.asString();
                int count = s.integer("count", ArchitectureBounds.TILE_COUNT, 1);
                Template template = templates.get(templateName);
                if (template == null) {
                    if (!templateName.isEmpty() && !brokenTemplates.contains(templateName)) {
                        ref.error("no template named '" + templateName + "'"
                                + Suggestions.didYouMean(templateName, templates.keySet())
                                + (templates.isEmpty() ? "; define it under templates:"
                                : "; defined templates: " + String.join(", ", templates.keySet())));
                    }
                    continue;
                }
                if (template instanceof CimTileTemplate cim) {
                    if (firstCim == null) {
                        firstCim = new String[] {name, templateName};
                        firstProducts = cim.activationProducts();
                    } else if (cim.activationProducts().rewritten() != firstProducts.rewritten()) {
                        ref.error("template '" + templateName + "' runs activation products on "
                                + cim.activationProducts().runOn().key() + ", but the first CIM tile array, '" + firstCim[0]
                                + "' (template '" + firstCim[1] + "'), runs them on " + firstProducts.runOn().key()
                                + ": the mapper cuts every crossbar block for the first CIM array's crossbars, so every "
                                + "cim-tile template in use must give the same activation_products.run_on");
                    }
                }
                subsystems.add(sources.put(new TileArray(name, template, count), m.keyNode(name)));
                continue;
            }
            String kind = s.string("kind", "template: <name> for tiles/cores, or kind: encoder, integration, adda, global-buffer or reservoir");
            switch (kind) {
                case Encoder.KIND -> subsystems.add(sources.put(new Encoder(name, s.integer("channels", ArchitectureBounds.CHANNELS, 1),
                        s.enumValue("scheme", EncodingScheme.class, "rate, temporal, delta or voltage"), readFigures(s)),
                        m.keyNode(name)));
                case IntegrationInterface.KIND -> subsystems.add(sources.put(new IntegrationInterface(name,
                        s.enumValue("direction", IntegrationDirection.class, IntegrationDirection.SPIKE_TO_VOLTAGE),
                        s.integer("channels", ArchitectureBounds.CHANNELS, 1), readFigures(s)), m.keyNode(name)));
                case AdDa.KIND -> {
                    SpecMap a = s.map("adc", "kind and bits of the converters to digital");
                    Adc adc = sources.put(readAdc(a, OptionalInt.empty()), s.keyNode("adc"));
                    SpecMap d = s.map("dac", "bits of the converters from digital");
                    Dac dac = sources.put(new Dac(d.integer("bits", ArchitectureBounds.CONVERTER_BITS, "resolution in bits"),
                            readFigures(d)), s.keyNode("dac"));
                    subsystems.add(sources.put(new AdDa(name, s.integer("channels", ArchitectureBounds.CHANNELS, 1), adc, dac),
                            m.keyNode(name)));
                }
                case ReservoirArray.KIND -> {
                    int errorsBefore = context.diagnostics().size();
                    int devices = s.integer("devices", ArchitectureBounds.RESERVOIR_DEVICES,
                            "the dynamic memristors in the array, e.g. 64");
                    SpecMap p = s.map("pulse", "the characterised input pulse: {voltage, current, width}");
                    double voltage = p.quantity("voltage", ArchitectureBounds.RESERVOIR_PULSE_VOLTAGE, "e.g. '2.5 V'");
                    double current = p.quantity("current", ArchitectureBounds.RESERVOIR_PULSE_CURRENT,
                            "the current one device draws during the pulse, e.g. '10 uA'");
                    double width = p.quantity("width", ArchitectureBounds.RESERVOIR_PULSE_WIDTH, "e.g. '1 ms'");
                    int channels = s.integer("adc_channels", ArchitectureBounds.CHANNELS, 1);
                    if (channels > devices && context.diagnostics().size() == errorsBefore) {
                        // A pulse slot yields one state per device: the extra converters never convert.
                        s.get("adc_channels").orElse(s.node()).warning(channels + " ADCs sample " + devices
                                + (devices == 1 ? " device" : " devices") + ": a pulse slot yields one state per device, "
                                + "so at most " + devices + " convert at once and " + (channels - devices)
                                + " only take area and leak; give at most " + devices);
                    }
                    SpecMap a = s.map("adc", "kind and bits of the ADCs that sample the devices' states");
                    Adc adc = sources.put(readAdc(a, OptionalInt.empty()), s.keyNode("adc"));
                    SpecMap d = s.map("dac", "bits of the pulse drivers' amplitude");
                    Dac dac = sources.put(new Dac(d.integer("bits", ArchitectureBounds.CONVERTER_BITS, "resolution in bits"),
                            readFigures(d)), s.keyNode("dac"));
                    PublishedFigures figures = readFigures(s);
                    if (context.diagnostics().size() == errorsBefore) {
                        subsystems.add(sources.put(new ReservoirArray(name, devices, voltage, current, width, channels,
                                adc, dac, figures), m.keyNode(name)));
                    }
                }
                case GlobalBuffer.KIND -> {
                    int errorsBefore = context.diagnostics().size();
                    double capacity = s.quantity("capacity", ArchitectureBounds.BUFFER_CAPACITY, "e.g. '128 KiB'");
                    double width = s.optionalQuantity("width", ArchitectureBounds.BUFFER_WIDTH).orElse(128);
                    Buffer b = new Buffer(name, s.enumValue("memory", BufferKind.class, BufferKind.SRAM), capacity, width,
                            readFigures(s));
                    if (context.diagnostics().size() == errorsBefore) {
                        ArchitectureChecks.checkBuffer(s, b);
                    }
                    sources.put(b, m.keyNode(name));
                    subsystems.add(sources.put(new GlobalBuffer(name, b, s.integer("banks", ArchitectureBounds.BANKS, 1)),
                            m.keyNode(name)));
                }
                default -> {
                    if (!kind.isEmpty()) {
                        List<String> kinds = List.of(Encoder.KIND, IntegrationInterface.KIND, AdDa.KIND, GlobalBuffer.KIND,
                                ReservoirArray.KIND);
                        s.get("kind").orElseThrow().error("expected one of " + String.join(", ", kinds)
                                + " (or template: <name>), found '" + kind + "'" + Suggestions.didYouMean(kind, kinds));
                    }
                    // Its other keys cannot be checked without a kind; do not report them as unknown.
                    s.entries();
                }
            }
        }
        return subsystems;
    }

    // ---- interconnect --------------------------------------------------------------------

    private Interconnect readInterconnect(SpecMap m) {
        SpecMap o = m.map("on_chip", "topology and flit width of the on-chip network");
        Topology topology = o.enumValue("topology", Topology.class, "mesh, torus, htree or bus");
        OptionalInt columns = o.get("columns").map(n -> OptionalInt.of(n.asInt(ArchitectureBounds.GRID_SIDE)))
                .orElse(OptionalInt.empty());
        OptionalInt rows = o.get("rows").map(n -> OptionalInt.of(n.asInt(ArchitectureBounds.GRID_SIDE)))
                .orElse(OptionalInt.empty());
        Optional<PacketFormat> packet = o.optionalMap("packet").map(p -> new PacketFormat(
                p.optionalQuantity("header", ArchitectureBounds.HEADER).orElse(0),
                p.quantity("payload", ArchitectureBounds.PAYLOAD, "data bits of a full packet, e.g. '256 bit'")));
        OnChipNetwork onChip = sources.put(new OnChipNetwork(topology, o.integer("concentration", ArchitectureBounds.CONCENTRATION, 1),
                columns, rows, o.quantity("flit", ArchitectureBounds.FLIT, "flit or bus width, e.g. '64 bit'"),
                o.optionalQuantity("link_length", ArchitectureBounds.LINK_LENGTH),
                o.optionalMap("router").map(ArchitectureReader::readFigures).orElse(PublishedFigures.NONE),
                o.optionalMap("link").map(ArchitectureReader::readFigures).orElse(PublishedFigures.NONE),
                o.optionalQuantity("clock", ArchitectureBounds.LINK_CLOCK), packet), m.keyNode("on_chip"));
        Optional<SpikeNetwork> spikes = m.optionalMap("spikes").map(s -> sources.put(readSpikes(s), m.keyNode("spikes")));
        Optional<ChipLinks> chips = m.optionalMap("chip_to_chip").map(c -> sources.put(readChipLinks(c),
                m.keyNode("chip_to_chip")));
        SpikeDelivery delivery = m.enumValue("spike_routing", SpikeDelivery.class, SpikeDelivery.MULTICAST);
        return new Interconnect(onChip, spikes, chips, delivery);
    }

    // ---- board ------------------------------------------------------------------------------

    /**
     * {@code board}: how many chips, on how many places, wired how, by which link. A board of more
     * than one chip needs a link with its bandwidth; every chip must be reachable from chip 0; a
     * board holds no more chips than it has places. Empty when the board has a mistake (reported).
     */
    private Optional<Board> readBoard(SpecMap b) {
        int errorsBefore = context.diagnostics().size();
        int chips = b.integer("chips", ArchitectureBounds.CHIPS, "chips in the system, e.g. 2");
        BoardTopology topology = b.enumValue("topology", BoardTopology.class, BoardTopology.LINE);
        int places;
        int columns = 0;
        if (topology == BoardTopology.MESH) {
            OptionalInt cols = b.get("columns").map(n -> OptionalInt.of(n.asInt(ArchitectureBounds.BOARD_SIDE)))
                    .orElse(OptionalInt.empty());
            OptionalInt rows = b.get("rows").map(n -> OptionalInt.of(n.asInt(ArchitectureBounds.BOARD_SIDE)))
                    .orElse(OptionalInt.empty());
            columns = cols.orElse(Math.max(1, (int) Math.ceil(Math.sqrt(Math.max(1, chips)))));
            int r = rows.orElse((Math.max(1, chips) + columns - 1) / columns);
            places = columns * r;
            b.get("places").ifPresent(n -> n.error("a mesh board has columns x rows places; give columns and rows "
                    + "instead of places"));
        } else {
            places = b.integer("places", ArchitectureBounds.CHIPS, Math.max(1, chips));
        }
        if (context.diagnostics().size() == errorsBefore && chips > places) {
            b.get("chips").orElse(b.node()).error("a board of " + places + " places holds at most " + places
                    + " chips, found " + chips + "; give it more places ("
                    + (topology == BoardTopology.MESH ? "columns x rows" : "places:") + ") or use fewer chips");
        }
        List<Board.Connection> connections = new ArrayList<>();
        if (topology == BoardTopology.CUSTOM) {
            for (SpecNode item : b.list("connections")) {
                List<SpecNode> pair = item.asList();
                if (pair.size() != 2) {
                    item.error("expected a pair of chip indices such as [0, 1], found " + pair.size() + " values");
                    continue;
                }
                int x = pair.get(0).asInt(0, Math.max(0, chips - 1));
                int y = pair.get(1).asInt(0, Math.max(0, chips - 1));
                if (x == y) {
                    item.error("a connection joins two different chips, found chip " + x + " to itself");
                } else if (x >= 0 && y >= 0 && x < chips && y < chips) {
                    connections.add(new Board.Connection(Math.min(x, y), Math.max(x, y)));
                }
            }
        } else {
            connections = Board.connections(Math.max(1, chips), topology, columns);
        }
        Optional<ChipLinks> link = b.optionalMap("link").map(c -> sources.put(readChipLinks(c, true), b.keyNode("link")));
        if (context.diagnostics().size() > errorsBefore) {
            return Optional.empty();
        }
        if (chips > 1 && link.isEmpty()) {
            b.node().error("a board of " + chips + " chips needs the link that joins them: give link: {width: 16 bit, "
                    + "frequency: 4 GHz, kind: interposer-2.5d} (kinds: serdes, parallel, ucie-2d, interposer-2.5d, "
                    + "3d-bonding, optical)");
            return Optional.empty();
        }
        Board board = new Board(chips, topology, places, columns, connections, link);
        List<Integer> unreachable = board.unreachable();
        if (!unreachable.isEmpty()) {
            SpecNode at = b.get(topology == BoardTopology.CUSTOM ? "connections" : "topology").orElse(b.node());
            at.error("chip" + (unreachable.size() == 1 ? " " : "s ") + unreachable.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + " cannot be reached from chip 0 over the "
                    + "connections " + (connections.isEmpty() ? "(none)" : connections.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "))) + "; connect every chip (e.g. ["
                    + (unreachable.get(0) - 1) + ", " + unreachable.get(0) + "])");
            return Optional.empty();
        }
        return Optional.of(sources.put(board, b.node()));
    }

    /** Spike packets: {@code packet} bits in all, or {@code address} (+ {@code payload}) bits. */
    private static SpikeNetwork readSpikes(SpecMap s) {
        SpikeRouting routing = s.enumValue("routing", SpikeRouting.class, SpikeRouting.ADDRESS_EVENT);
        double payload = s.optionalQuantity("payload", ArchitectureBounds.SPIKE_PAYLOAD).orElse(0);
        double packet;
        if (s.has("address")) {
            if (s.has("packet")) {
                s.get("packet").orElseThrow().error("give either packet (all bits) or address and payload, not both");
            }
            packet = s.quantity("address", ArchitectureBounds.ADDRESS, "address bits of a spike packet") + payload;
        } else {
            packet = s.optionalQuantity("packet", ArchitectureBounds.PACKET).orElse(32);
            if (payload >= packet) {
                s.get("payload").orElseThrow().error("a payload of " + fmt(payload) + " bit leaves no address bits in a "
                        + fmt(packet) + "-bit packet; give address: (bits) and payload: instead of packet:");
                payload = 0;
            }
        }
        PublishedFigures eastWest = s.optionalMap("east_west").map(ArchitectureReader::readFigures)
                .orElse(PublishedFigures.NONE);
        PublishedFigures northSouth = s.optionalMap("north_south").map(ArchitectureReader::readFigures)
                .orElse(PublishedFigures.NONE);
        return new SpikeNetwork(routing, Math.max(packet, payload + 1), payload, readFigures(s), eastWest, northSouth);
    }

    /**
     * Chip-to-chip links: a link needs its bandwidth (width and frequency); an optical link also its
     * energy per bit, for which no published default exists (docs/reference/communication.md §3).
     */
    private static ChipLinks readChipLinks(SpecMap c) {
        return readChipLinks(c, false);
    }

    /** Chip-to-chip links; {@code lanesDefault}: {@code links} may be left out for one (a board's link). */
    private static ChipLinks readChipLinks(SpecMap c, boolean lanesDefault) {
        int links = lanesDefault ? c.integer("links", ArchitectureBounds.CHIP_LINKS, 1)
                : c.integer("links", ArchitectureBounds.CHIP_LINKS, "number of links");
        double width = c.quantity("width", ArchitectureBounds.CHIP_WIDTH,
                "bits per transfer, e.g. '32 bit'; a link's bandwidth is width x frequency");
        double frequency = c.quantity("frequency", ArchitectureBounds.CHIP_FREQUENCY,
                "transfers per second, e.g. '1.6 GHz'; a link's bandwidth is width x frequency");
        Optional<ChipLinkKind> kind = c.get("kind").isPresent()
                ? Optional.of(c.enumValue("kind", ChipLinkKind.class, "serdes, parallel, ucie-2d, interposer-2.5d, 3d-bonding or optical"))
                : Optional.empty();
        PublishedFigures figures = readFigures(c);
        if (kind.filter(k -> k == ChipLinkKind.OPTICAL).isPresent() && figures.energy().isEmpty()) {
            c.get("kind").orElseThrow().error("an optical link has no published default energy per bit; give "
                    + "energy: (per bit, e.g. '2 pJ') from the link's data sheet");
        }
        return new ChipLinks(links, width, frequency, kind, figures);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
