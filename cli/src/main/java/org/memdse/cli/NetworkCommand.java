package org.memdse.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memdse.core.network.InputActivity;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NetworkTotals;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.Reservoir;
import org.memdse.core.network.Shape;
import org.memdse.core.network.TrafficEdge;
import org.memdse.core.network.WeightMatrix;
import org.memdse.core.units.Dimension;
import org.memdse.core.units.QuantityFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code memdse network NAME|FILE}: a network's layers, shapes, weight matrices, operations and traffic. */
@Command(name = "network",
        header = "Show a network (YAML, ONNX or NIR) layer by layer, with totals.", mixinStandardHelpOptions = true,
        description = "Show a network layer by layer: kind, output shape, weight matrix as it sits on crossbars "
            + "(rows x cols), parameters, MACs (ANN) or synaptic operations (SNN), traffic out, per inference, and "
            + "each crossbar layer's input-bit density with where it comes from (given, the network's, or the "
            + "default for the activation that produced its input). NAME|FILE is a network YAML file, an ONNX model, a NIR file, or a bundled network (see 'memdse catalog').",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:bad input (each error is printed with file, line and column)"})
final class NetworkCommand implements Callable<Integer> {
    /** Output formats; lower case because they are typed as they are listed. */
    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME|FILE", description = "Network YAML, ONNX or NIR file, or bundled network id.")
    String network;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--skip-unsupported",
            description = "ONNX only: pass operators memdse does not model through instead of failing.")
    boolean skipUnsupported;

    @picocli.CommandLine.Mixin
    ImportOptionsMixin imports = new ImportOptionsMixin();

    /** One output row; the same columns in every format. */
    private record Row(String name, String kind, String shape, String weights, long params, long macs,
                       double synapticOps, double trafficOutBits, InputActivity activity, NetworkNode node) {
    }

    @Override
    public Integer call() {
        NetworkGraph g = NetworkLoader.load(network, imports.options(skipUnsupported), imports.nirOptions());
        if (NetworkLoader.isNir(network)) {
            // The rates are the user's or assumed, never the file's: say which were used.
            spec.commandLine().getErr().println("note: " + network + " is NIR, which holds no spike data; assumed "
                    + imports.nirOptions().describe() + " (--nir-time-steps, --nir-firing-rate, --nir-input-rate)");
        }
        // Buffered: the command line's writer flushes at every line, a system call per layer.
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        print(out, g, format, chunks(g.nodes().size()));
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code g} in {@code format}, its rows (and the table's cells) made in {@code chunks} parallel chunks (the same text). */
    static void print(PrintWriter out, NetworkGraph g, Format format, int chunks) {
        List<NetworkNode> nodes = g.nodes();
        List<Row> rows = inChunks(nodes.size(), chunks, (from, to) -> {
            List<Row> part = new ArrayList<>(to - from);
            for (NetworkNode node : nodes.subList(from, to)) {
                part.add(row(g, node));
            }
            return part;
        }).stream().flatMap(List::stream).toList();
        switch (format) {
            case csv -> csv(out, rows, g.totals());
            case json -> json(out, g, rows);
            default -> table(out, g, rows, chunks);
        }
    }

    private static void table(PrintWriter out, NetworkGraph g, List<Row> rows, int chunks) {
        String[] header = {"name", "kind", "output", "weights", "params", "MACs", "syn. ops", "traffic out",
            "input-bit density"};
        List<String[]> cells = inChunks(rows.size(), chunks, (from, to) -> cells(rows.subList(from, to))).stream()
                .flatMap(List::stream).toList();
        NetworkTotals t = g.totals();
        String[] total = {"total", rows.size() + " nodes", "", si(t.matrixWeights()) + " cells", si(t.params()),
            si(t.macs()), si(t.synapticOps()), bits(t.trafficBits()), ""};
        int[] width = new int[header.length];
        for (String[] line : concat(header, cells, total)) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        out.println("network " + g.name() + " (weights " + g.weightBits() + " bit, activations " + g.activationBits()
                + " bit" + g.networkInputBitDensity().stream().mapToObj(d -> ", input_bit_density " + number(d)).findFirst()
                .orElse("") + "; counts per inference)");
        StringBuilder line = new StringBuilder(256);
        print(out, header, width, line);
        print(out, dashes(width), width, line);
        for (String[] c : cells) {
            print(out, c, width, line);
        }
        print(out, dashes(width), width, line);
        print(out, total, width, line);
        for (NetworkNode node : g.nodes()) {
            if (node instanceof Reservoir r) {
                out.println(reservoirLine(r, g.stats(node)));
            }
        }
    }

    /**
     * What a reservoir layer does per inference, which its row cannot show: devices, virtual
     * nodes, the pulses, mask MACs and samples it will be priced for, how long a time step takes
     * and how many time steps its devices remember (tau over the step). One computation for the
     * table's line and the JSON object, so the two cannot disagree.
     *
     * @param steps    input time steps per inference (T of a [T, F] input, 1 for a vector)
     * @param features input features per time step (F)
     * @param pulses   T x virtual nodes: one pulse, one sample each
     * @param stepS    one time step, mask length x pulse width, s
     */
    record ReservoirCounts(Reservoir r, long steps, long features, long pulses, double stepS) {
        static ReservoirCounts of(Reservoir r, NodeStats s) {
            Shape in = s.inputShapes().get(0);
            long steps = in.rank() == 2 ? in.dim(0) : 1;
            return new ReservoirCounts(r, steps, in.dim(in.rank() - 1), steps * r.virtualNodes(),
                    r.maskLength() * r.pulseWidth());
        }

        long maskMacs() {
            return pulses * features;
        }

        /** Time steps the devices remember: tau over one step. */
        double memorySteps() {
            return r.tau() / stepS;
        }
    }

    static String reservoirLine(Reservoir r, NodeStats s) {
        ReservoirCounts c = ReservoirCounts.of(r, s);
        return "reservoir " + r.name() + ": " + r.nodes() + " node" + (r.nodes() == 1 ? "" : "s") + " x " + r.parallel()
                + " parallel = " + r.devices() + " dynamic memristors, mask " + r.maskLength() + " -> " + r.virtualNodes()
                + " virtual nodes; tau " + QuantityFormat.format(r.tau(), Dimension.TIME) + ", pulse "
                + QuantityFormat.format(r.pulseWidth(), Dimension.TIME) + " (a time step " + QuantityFormat.format(c.stepS(),
                Dimension.TIME) + ", memory ~" + new BigDecimal(c.memorySteps()).round(new java.math.MathContext(2))
                .stripTrailingZeros().toPlainString() + " steps); per inference " + c.steps()
                + " time step" + (c.steps() == 1 ? "" : "s") + ": " + c.pulses() + " pulses, " + c.maskMacs() + " mask MACs, "
                + c.pulses() + " samples; pulse energy " + (r.hasPulseEnergy() ? QuantityFormat.format(r.pulseEnergy(),
                Dimension.ENERGY) : "from the architecture's reservoir array");
    }

    /**
     * The same as {@link #reservoirLine} for JSON, units in the keys as {@code evaluate}'s
     * ({@code _ns}, {@code _pj}); {@code pulse_energy_pj} is null when the architecture's
     * reservoir array gives it.
     */
    static String reservoirJson(Reservoir r, NodeStats s) {
        ReservoirCounts c = ReservoirCounts.of(r, s);
        return "{\"nodes\": " + r.nodes() + ", \"parallel\": " + r.parallel() + ", \"devices\": " + r.devices()
                + ", \"mask_length\": " + r.maskLength() + ", \"virtual_nodes\": " + r.virtualNodes()
                + ", \"tau_ns\": " + decimal(r.tau() * 1e9) + ", \"pulse_width_ns\": " + decimal(r.pulseWidth() * 1e9)
                + ", \"time_step_ns\": " + decimal(c.stepS() * 1e9) + ", \"memory_time_steps\": " + decimal(c.memorySteps())
                + ", \"time_steps\": " + c.steps() + ", \"pulses\": " + c.pulses() + ", \"mask_macs\": " + c.maskMacs()
                + ", \"samples\": " + c.pulses()
                + ", \"pulse_energy_pj\": " + (r.hasPulseEnergy() ? decimal(r.pulseEnergy() * 1e12) : "null") + "}";
    }

    /**
     * A figure converted from SI (or divided) at 12 significant digits, so that 400 us reads 400000 ns
     * and 25 nJ 25000 pJ rather than their binary neighbours (399999.99999999994); 12 digits are far
     * more than any of these figures is known to.
     */
    private static String decimal(double v) {
        return JsonText.number(new BigDecimal(v).round(new java.math.MathContext(12)).doubleValue());
    }

    private static List<String[]> concat(String[] header, List<String[]> cells, String[] total) {
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(cells);
        all.add(total);
        return all;
    }

    private static String[] dashes(int[] width) {
        String[] d = new String[width.length];
        for (int i = 0; i < width.length; i++) {
            d[i] = "-".repeat(width[i]);
        }
        return d;
    }

    /** "0.15 (default after relu)", or "-" for a layer without crossbar inputs. */
    private static String density(InputActivity a) {
        return a == null ? "-" : number(a.density()) + " (" + a.description() + ")";
    }

    /** A density cell as formatted for a description, and the density it was formatted for. */
    private record DensityText(double density, String text) {
    }

    /** {@link #density(InputActivity)}, each distinct density and description formatted once. */
    private static String density(InputActivity a, Map<String, DensityText> known) {
        if (a == null) {
            return "-";
        }
        DensityText t = known.get(a.description());
        if (t == null || Double.compare(t.density(), a.density()) != 0) {
            t = new DensityText(a.density(), density(a));
            known.put(a.description(), t);
        }
        return t.text();
    }

    /** One row's figures as the table prints them. */
    private static Row row(NetworkGraph g, NetworkNode node) {
        NodeStats s = g.stats(node);
        double traffic = 0;
        for (TrafficEdge e : g.outputs(node)) {
            traffic += e.bitsPerInference();
        }
        return new Row(node.name(), node.kind().key(), s.outputShape().toString(),
                s.weights().map(WeightMatrix::toString).orElse("-"), s.params(), s.macs(),
                s.synapticOpsPerInference(), traffic, g.inputActivity(node).orElse(null), node);
    }

    /**
     * The table's cells of these rows. Long networks repeat a few figures over and over (a block's
     * layers): each distinct figure and density is formatted once (the decimal formatting was a
     * tenth of printing 96,000 layers).
     */
    private static List<String[]> cells(List<Row> rows) {
        Map<Double, String> siTexts = new HashMap<>();
        Map<Double, String> bitTexts = new HashMap<>();
        Map<String, DensityText> densityTexts = new HashMap<>();
        List<String[]> cells = new ArrayList<>(rows.size());
        for (Row r : rows) {
            cells.add(new String[] {r.name(), r.kind(), r.shape(), r.weights(),
                siTexts.computeIfAbsent((double) r.params(), NetworkCommand::si),
                siTexts.computeIfAbsent((double) r.macs(), NetworkCommand::si),
                siTexts.computeIfAbsent(r.synapticOps(), NetworkCommand::si),
                bitTexts.computeIfAbsent(r.trafficOutBits(), NetworkCommand::bits), density(r.activity(), densityTexts)});
        }
        return cells;
    }

    /** Networks from this many layers on are tabulated in parallel chunks. */
    static final int PARALLEL_FROM_ROWS = 8192;

    /**
     * Chunks to tabulate {@code rows} rows in: one per processor (at most 4) from
     * {@link #PARALLEL_FROM_ROWS} rows on, else one. Printing a 96,000-layer network is serial
     * work after its file is read, when the reader's second thread is done: the rows and cells of
     * two halves take about half the time on two processors (the lines are printed in order on
     * one thread: made in chunks, one large string each, they cost more than they saved).
     */
    static int chunks(int rows) {
        return rows < PARALLEL_FROM_ROWS ? 1 : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
    }

    /**
     * {@code work} over [0, size) in {@code chunks} consecutive chunks run in parallel, the results
     * in order (one chunk runs on this thread). Each chunk formats its own figures, so the text
     * does not depend on the chunks.
     */
    static <T> List<T> inChunks(int size, int chunks, ChunkWork<T> work) {
        if (chunks <= 1) {
            return List.of(work.run(0, size));
        }
        return java.util.stream.IntStream.range(0, chunks).parallel()
                .mapToObj(c -> work.run((int) ((long) size * c / chunks), (int) ((long) size * (c + 1) / chunks)))
                .toList();
    }

    /** Work on the items [from, to). */
    @FunctionalInterface
    interface ChunkWork<T> {
        T run(int from, int to);
    }

    private static void print(PrintWriter out, String[] line, int[] width, StringBuilder b) {
        format(line, width, b);
        out.append(b);
        out.println();
    }

    /**
     * Text columns left-aligned, numbers (columns 4 to 8) right-aligned, the density column left;
     * no trailing white space. {@code b} is a scratch buffer, reused from line to line.
     */
    private static void format(String[] line, int[] width, StringBuilder b) {
        b.setLength(0);
        int last = line.length - 1;
        for (int i = 0; i < line.length; i++) {
            boolean left = i < 3 || i == 8;
            if (left) {
                b.append(line[i]);
            }
            if (!left || i < last) {
                // The last column's padding would only be stripped again.
                b.append(spaces(width[i] - line[i].length()));
            }
            if (!left) {
                b.append(line[i]);
            }
            if (i < last) {
                b.append("  ");
            }
        }
        // As String.stripTrailing: no white-space character in the table is a surrogate pair.
        int end = b.length();
        while (end > 0 && Character.isWhitespace(b.charAt(end - 1))) {
            end--;
        }
        b.setLength(end);
    }

    /** Runs of 0 to 63 spaces, made once: padding appended whole, not a space at a time. */
    private static final String[] SPACES = new String[64];

    static {
        for (int n = 0; n < SPACES.length; n++) {
            SPACES[n] = " ".repeat(n);
        }
    }

    /** {@code n} spaces (none for n <= 0). */
    private static String spaces(int n) {
        return n <= 0 ? "" : n < SPACES.length ? SPACES[n] : " ".repeat(n);
    }

    private static void csv(PrintWriter out, List<Row> rows, NetworkTotals t) {
        out.println("name,kind,output_shape,weight_matrix,params,macs,synaptic_ops,traffic_out_bits,"
                + "input_bit_density,input_bit_density_source");
        for (Row r : rows) {
            out.println(String.join(",", quote(r.name()), r.kind(), r.shape(), r.weights(), Long.toString(r.params()),
                    Long.toString(r.macs()), number(r.synapticOps()), number(r.trafficOutBits()),
                    r.activity() == null ? "" : number(r.activity().density()),
                    r.activity() == null ? "" : quote(r.activity().description())));
        }
        out.println(String.join(",", "total", "", "", "", Long.toString(t.params()), Long.toString(t.macs()),
                number(t.synapticOps()), number(t.trafficBits()), "", ""));
    }

    private static void json(PrintWriter out, NetworkGraph g, List<Row> rows) {
        out.println("{");
        out.println("  \"network\": " + string(g.name()) + ",");
        out.println("  \"weight_bits\": " + g.weightBits() + ",");
        out.println("  \"activation_bits\": " + g.activationBits() + ",");
        out.println("  \"input_bit_density\": " + g.networkInputBitDensity().stream().mapToObj(NetworkCommand::number)
                .findFirst().orElse("null") + ",");
        out.println("  \"layers\": [");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.println("    {\"name\": " + string(r.name()) + ", \"kind\": " + string(r.kind())
                    + ", \"output_shape\": " + string(r.shape()) + ", \"weight_matrix\": "
                    + (r.weights().equals("-") ? "null" : string(r.weights())) + ", \"params\": " + r.params()
                    + ", \"macs\": " + r.macs() + ", \"synaptic_ops\": " + number(r.synapticOps())
                    + ", \"traffic_out_bits\": " + number(r.trafficOutBits())
                    + ", \"input_bit_density\": " + (r.activity() == null ? "null" : number(r.activity().density()))
                    + ", \"input_bit_density_source\": " + (r.activity() == null ? "null" : string(r.activity().description()))
                    + (r.node() instanceof Reservoir res ? ", \"reservoir\": " + reservoirJson(res, g.stats(res)) : "")
                    + "}" + (i < rows.size() - 1 ? "," : ""));
        }
        out.println("  ],");
        NetworkTotals t = g.totals();
        out.println("  \"totals\": {\"params\": " + t.params() + ", \"macs\": " + t.macs() + ", \"matrix_weights\": "
                + t.matrixWeights() + ", \"synapses\": " + t.synapses() + ", \"synaptic_ops\": " + number(t.synapticOps())
                + ", \"spikes\": " + number(t.spikes()) + ", \"traffic_bits\": " + number(t.trafficBits()) + "}");
        out.println("}");
    }

    /** 1234567 -> "1.23 M": three significant digits are enough to read a table. */
    static String si(double v) {
        if (v == 0) {
            return "0";
        }
        String[] prefixes = {"", " k", " M", " G", " T", " P"};
        int i = 0;
        double x = v;
        while (Math.abs(x) >= 1000 && i < prefixes.length - 1) {
            x /= 1000;
            i++;
        }
        if (i == 0 && x == Math.rint(x)) {
            return Long.toString((long) x);
        }
        return fixed(x, x >= 100 ? 0 : x >= 10 ? 1 : 2) + prefixes[i];
    }

    /**
     * {@code String.format(Locale.ROOT, "%.<decimals>f", x)} without parsing a format per call (a
     * table of 20,000 layers formats 80,000 numbers): the formatter rounds half up on the shortest
     * decimal digits of {@code x}, which are {@link BigDecimal#valueOf(double)}'s.
     */
    static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", x);
        }
        String digits = BigDecimal.valueOf(Math.abs(x)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return x < 0 ? "-" + digits : digits;
    }

    private static String bits(double v) {
        String s = si(v);
        return v == 0 ? "0" : s.contains(" ") ? s + "bit" : s + " bit";
    }

    /** Integers without a fraction, others as Java prints them (locale-independent). */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
