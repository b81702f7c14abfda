package org.memdse.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingObjectives;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.mapping.MappingReport;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.NetworkGraph;
import org.memdse.mapping.partition.CoreGeometry;
import org.memdse.mapping.partition.CrossbarGeometry;
import org.memdse.mapping.topology.NetworkTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code memdse map --arch A --network N}: partition, place and route a network, with the baseline and the bound. */
@Command(name = "map",
        header = "Map a network onto a system: partition, place, route; vs baseline and bound.", mixinStandardHelpOptions = true,
        description = "Map a network onto a system: cut every layer into crossbar blocks (SNN populations into "
            + "core groups), place them on tiles and cores, route the traffic. Prints per layer the blocks, the "
            + "tiles they use and the crossbar utilisation, then the totals beside the sequential baseline "
            + "(layers in order onto tiles in order) and a lower bound no mapping can beat. "
            + "Traffic x hops is bits per inference times on-chip network hops, summed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:mapped",
            "1:the network does not fit the system (the reason, what is needed and what there is are printed)",
            "2:bad input (a file, option or argument; the message says what and where)"})
final class MapCommand implements Callable<Integer> {
    /** Output formats; lower case because they are typed as they are listed. */
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadMixin workload;

    @Mixin
    MapperMixin mapping;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Architecture a = workload.architecture(spec.commandLine().getErr());
        NetworkGraph g = workload.network();
        Mapper m = mapping.mapper();
        MappingOutcome outcome = m.map(a, g, mapping.options());
        PrintWriter out = spec.commandLine().getOut();
        if (outcome instanceof MappingOutcome.DoesNotFit d) {
            if (format == Format.json) {
                out.println("{\"network\": " + JsonText.string(g.name()) + ", \"architecture\": "
                        + JsonText.string(a.name()) + ", \"mapper\": " + JsonText.string(m.name())
                        + ", \"feasible\": false, \"does_not_fit\": " + JsonText.string(d.reason())
                        + ", \"needed\": " + counts(d.needed()) + ", \"available\": " + counts(d.available()) + "}");
            } else {
                out.println(g.name() + " does not fit " + a.name() + ": " + d.reason());
                for (String key : new java.util.TreeSet<>(d.needed().keySet())) {
                    out.println("  " + key + ": needed " + d.needed().get(key) + ", available "
                            + d.available().getOrDefault(key, 0L));
                }
            }
            out.flush();
            return ExitCodes.FAILURE;
        }
        Mapping mapping = ((MappingOutcome.Mapped) outcome).mapping();
        List<LayerRow> rows = layers(a, mapping);
        if (format == Format.json) {
            json(out, a, mapping, rows);
        } else {
            table(out, a, mapping, rows);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The mapper named, or the default; an unknown name is bad input. */
    static Mapper resolve(String name) {
        return MapperMixin.resolve(name);
    }

    private static String counts(Map<String, Long> m) {
        StringBuilder b = new StringBuilder("{");
        for (String key : new java.util.TreeSet<>(m.keySet())) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(JsonText.string(key)).append(": ").append(m.get(key));
        }
        return b.append('}').toString();
    }

    /**
     * One layer's share of the mapping.
     *
     * @param copies      copies of its weights (1 unless {@code --replicate} copied the layer)
     * @param utilisation cells (or neurons) its units use over those of the crossbars (cores) they occupy
     */
    record LayerRow(String node, String resource, int units, int copies, int endpoints, double utilisation) {
    }

    static List<LayerRow> layers(Architecture a, Mapping mapping) {
        Optional<CrossbarGeometry> xbar = NetworkTopology.referenceCrossbar(a);
        Optional<CoreGeometry> core = NetworkTopology.referenceCore(a);
        Map<String, List<MappingUnit>> byNode = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> shareNeurons = new HashMap<>();
        for (MappingUnit u : mapping.units()) {
            if (u instanceof CoreGroup g) {
                // A core's part may hold several populations: each counts the part and its own neurons.
                for (CoreGroup.Share share : g.shares()) {
                    byNode.computeIfAbsent(share.population(), k -> new ArrayList<>()).add(u);
                    shareNeurons.computeIfAbsent(share.population(), k -> new HashMap<>()).put(u.id(), share.neurons());
                }
                continue;
            }
            byNode.computeIfAbsent(u.node(), k -> new ArrayList<>()).add(u);
        }
        List<LayerRow> rows = new ArrayList<>();
        for (var e : byNode.entrySet()) {
            Set<Integer> eps = new HashSet<>();
            double used = 0;
            double offered = 0;
            int copies = 1;
            for (MappingUnit u : e.getValue()) {
                if (u instanceof CrossbarBlock b) {
                    copies = Math.max(copies, b.replica() + 1);
                }
                eps.add(mapping.placements().get(u.id()).endpoint());
                if (u instanceof CrossbarBlock b && xbar.isPresent()) {
                    used += (double) b.crossbarRows() * b.crossbarCols();
                    offered += (double) xbar.get().rows() * xbar.get().cols();
                } else if (u instanceof CoreGroup g && core.isPresent()) {
                    int mine = shareNeurons.get(e.getKey()).get(u.id());
                    used += mine;
                    offered += (double) core.get().neurons() * mine / g.neurons(); // its share of the core
                }
            }
            rows.add(new LayerRow(e.getKey(), e.getValue().get(0).resource().key(), e.getValue().size(), copies,
                    eps.size(),
                    offered == 0 ? Double.NaN : used / offered));
        }
        return rows;
    }

    private static void table(PrintWriter out, Architecture a, Mapping m, List<LayerRow> rows) {
        MappingReport r = m.report();
        out.println("mapping " + m.network() + " onto " + m.architecture() + " with the " + r.mapper() + " mapper ("
                + r.solveMillis() + " ms" + (r.feasible() ? "" : ", INFEASIBLE: a capacity is exceeded") + ")");
        String[] header = {"layer", "on", "units", "copies", "tiles/cores", "utilisation"};
        List<String[]> cells = new ArrayList<>();
        for (LayerRow row : rows) {
            cells.add(new String[] {row.node(), row.resource(), Integer.toString(row.units()),
                Integer.toString(row.copies()), Integer.toString(row.endpoints()),
                Double.isNaN(row.utilisation()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * row.utilisation())});
        }
        printTable(out, header, cells);
        out.println();
        String[] head = {"", "tiles used", "crossbars used", "cores used", "traffic x hops (bit)", "imbalance"};
        List<String[]> totals = new ArrayList<>();
        totals.add(totalsRow(r.mapper(), r.objective()));
        totals.add(totalsRow("sequential baseline", r.baseline()));
        totals.add(totalsRow("lower bound", r.lowerBound()));
        printTable(out, head, totals);
        spikes(m).ifPresent(sp -> {
            out.println();
            out.println(String.format(Locale.ROOT, "spikes (%s): %d parts on %d cores; %.4g bits per inference between cores, "
                    + "%.4g into cores from the encoder or interfaces", a.interconnect().spikeRouting().key(), sp.parts(),
                    m.report().objective().coresUsed(), sp.coreToCore(), sp.boundary()));
        });
    }

    private static String[] totalsRow(String label, MappingObjectives o) {
        return new String[] {label, Integer.toString(o.tilesUsed()), Integer.toString(o.crossbarsUsed()),
            Integer.toString(o.coresUsed()), Double.isNaN(o.trafficHops()) ? "-"
                : String.format(Locale.ROOT, "%.4g", o.trafficHops()),
            Double.isNaN(o.imbalance()) ? "-" : String.format(Locale.ROOT, "%.2f", o.imbalance())};
    }

    /** First column left-aligned, the others right-aligned. */
    static void printTable(PrintWriter out, String[] header, List<String[]> cells) {
        int[] width = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(cells);
        for (String[] line : all) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        for (int k = 0; k < all.size(); k++) {
            String[] line = all.get(k);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                String pad = " ".repeat(width[i] - line[i].length());
                b.append(i == 0 ? line[i] + pad : "  " + pad + line[i]);
            }
            out.println(b.toString().stripTrailing());
            if (k == 0) {
                StringBuilder d = new StringBuilder();
                for (int i = 0; i < width.length; i++) {
                    d.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
                }
                out.println(d);
            }
        }
    }

    /**
     * What a mapping sends as spikes: bits per inference between SNN cores (from one core to
     * another, encoder and interface flows excluded) and from other blocks (encoder, integration
     * interface) into cores; the parts the SNN was cut into and the cores each population is on.
     */
    record Spikes(int parts, double coreToCore, double boundary, Map<String, Long> coresPerPopulation) {
    }

    static Optional<Spikes> spikes(Mapping m) {
        int parts = 0;
        Map<String, Set<Integer>> cores = new LinkedHashMap<>();
        for (MappingUnit u : m.units()) {
            if (u instanceof CoreGroup g) {
                parts++;
                for (CoreGroup.Share share : g.shares()) {
                    cores.computeIfAbsent(share.population(), k -> new HashSet<>()).add(m.placements().get(u.id()).endpoint());
                }
            }
        }
        if (parts == 0) {
            return Optional.empty();
        }
        double coreToCore = 0;
        double boundary = 0;
        for (Route route : m.routes()) {
            boolean toCore = m.endpoints().get(route.toEndpoint()).resource() == ResourceKind.SNN_CORE;
            boolean fromCore = m.endpoints().get(route.fromEndpoint()).resource() == ResourceKind.SNN_CORE;
            if (toCore && fromCore && route.fromEndpoint() != route.toEndpoint()) {
                coreToCore += route.bitsPerInference();
            } else if (toCore && !fromCore) {
                boundary += route.bitsPerInference();
            }
        }
        Map<String, Long> perPopulation = new LinkedHashMap<>();
        cores.forEach((k, v) -> perPopulation.put(k, (long) v.size()));
        return Optional.of(new Spikes(parts, coreToCore, boundary, perPopulation));
    }

    private static void json(PrintWriter out, Architecture a, Mapping m, List<LayerRow> rows) {
        MappingReport r = m.report();
        StringBuilder b = new StringBuilder();
        b.append("{\n");
        b.append("  \"network\": ").append(JsonText.string(m.network())).append(",\n");
        b.append("  \"architecture\": ").append(JsonText.string(m.architecture())).append(",\n");
        b.append("  \"mapper\": ").append(JsonText.string(r.mapper())).append(",\n");
        b.append("  \"tiles_used\": ").append(r.objective().tilesUsed()).append(",\n");
        b.append("  \"crossbars_used\": ").append(r.objective().crossbarsUsed()).append(",\n");
        b.append("  \"cores_used\": ").append(r.objective().coresUsed()).append(",\n");
        b.append("  \"traffic_hops\": ").append(JsonText.number(r.objective().trafficHops())).append(",\n");
        b.append("  \"imbalance\": ").append(JsonText.number(r.objective().imbalance())).append(",\n");
        b.append("  \"baseline_tiles_used\": ").append(r.baseline().tilesUsed()).append(",\n");
        b.append("  \"baseline_traffic_hops\": ").append(JsonText.number(r.baseline().trafficHops())).append(",\n");
        b.append("  \"lower_bound_tiles_used\": ").append(r.lowerBound().tilesUsed()).append(",\n");
        b.append("  \"lower_bound_traffic_hops\": ").append(JsonText.number(r.lowerBound().trafficHops())).append(",\n");
        b.append("  \"solve_ms\": ").append(r.solveMillis()).append(",\n");
        b.append("  \"feasible\": ").append(r.feasible()).append(",\n");
        spikes(m).ifPresent(sp -> {
            b.append("  \"spike_routing\": ").append(JsonText.string(a.interconnect().spikeRouting().key())).append(",\n");
            b.append("  \"snn_parts\": ").append(sp.parts()).append(",\n");
            b.append("  \"core_to_core_spike_bits\": ").append(JsonText.number(sp.coreToCore())).append(",\n");
            b.append("  \"boundary_bits\": ").append(JsonText.number(sp.boundary())).append(",\n");
            b.append("  \"cores_per_population\": ").append(counts(sp.coresPerPopulation())).append(",\n");
        });
        b.append("  \"layers\": [");
        for (int i = 0; i < rows.size(); i++) {
            LayerRow row = rows.get(i);
            b.append(i == 0 ? "\n" : ",\n");
            b.append("    {\"layer\": ").append(JsonText.string(row.node()))
                    .append(", \"on\": ").append(JsonText.string(row.resource()))
                    .append(", \"units\": ").append(row.units())
                    .append(", \"copies\": ").append(row.copies())
                    .append(", \"endpoints\": ").append(row.endpoints())
                    .append(", \"utilisation\": ").append(JsonText.number(row.utilisation())).append('}');
        }
        b.append("\n  ]\n}");
        out.println(b);
    }
}
