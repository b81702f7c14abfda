package org.memdse.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.network.NetworkGraph;
import org.memdse.mapping.partition.ConnectivityPartitioner;
import org.memdse.mapping.partition.CoreGeometry;
import org.memdse.mapping.partition.NeuronGraph;
import org.memdse.mapping.partition.SpikeCut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code memdse bench partition}: the connectivity-aware SNN partitioner on the bundled SNNs. */
@Command(name = "partition",
        header = "Time the connectivity-aware SNN partitioner on diehl-cook-stdp, fig4-hybrid and dvs-gesture-csnn.",
        mixinStandardHelpOptions = true,
        description = "Build each network's neuron-level graph and cut it into cores of --neurons neurons and --rows "
            + "synapse rows (an axon counted once per core); print the time of the first partition in this JVM and "
            + "the least of --repeat more, the cores used, and the core-to-core spike bits per inference (multicast) "
            + "against cutting each population into consecutive core-sized slices.")
final class BenchPartitionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NETWORK",
            description = "Networks (bundled ids or files; default: diehl-cook-stdp fig4-hybrid dvs-gesture-csnn).")
    List<String> networks = new ArrayList<>(List.of("diehl-cook-stdp", "fig4-hybrid", "dvs-gesture-csnn"));

    @Option(names = "--neurons", paramLabel = "N", defaultValue = "256", description = "Neurons per core (default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "2048",
            description = "Synapse rows (axons) per core (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Timed repeats after the first (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (neurons < 1 || rows < 1 || repeat < 0) {
            throw new UserInputException("--neurons and --rows must be at least 1 and --repeat at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        CoreGeometry core = new CoreGeometry(neurons, rows);
        String[] header = {"network", "neurons", "synapses", "first ms", "first cpu ms", "best ms", "best cpu ms",
            "cores", "spike bits",
            "sliced cores", "sliced bits", "vs sliced"};
        List<String[]> table = new ArrayList<>();
        for (String id : networks) {
            NetworkGraph network = NetworkLoader.load(id);
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            NeuronGraph g = NeuronGraph.of(network);
            ConnectivityPartitioner.Result r;
            try {
                r = new ConnectivityPartitioner(g, core, seed).partition();
            } catch (IllegalArgumentException e) {
                throw new UserInputException(id + ": " + e.getMessage());
            }
            long first = System.nanoTime() - t0;
            long firstCpu = cpu.getCurrentThreadCpuTime() - c0;
            long best = first;
            long bestCpu = firstCpu;
            for (int i = 0; i < repeat; i++) {
                long c = cpu.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                new ConnectivityPartitioner(NeuronGraph.of(network), core, seed).partition();
                best = Math.min(best, System.nanoTime() - t);
                bestCpu = Math.min(bestCpu, cpu.getCurrentThreadCpuTime() - c);
            }
            double bits = SpikeCut.of(g, r.part(), r.parts(), SpikeDelivery.MULTICAST).coreToCoreBits();
            int[] sliced = new int[g.neurons()];
            int slices = 0;
            for (int p = 0; p < g.populations().size(); p++) {
                int from = g.populationOffset(p);
                int to = g.populationOffset(p + 1);
                for (int v = from; v < to; v++) {
                    sliced[v] = slices + (v - from) / neurons;
                }
                slices += (to - from + neurons - 1) / neurons;
            }
            double slicedBits = SpikeCut.of(g, sliced, slices, SpikeDelivery.MULTICAST).coreToCoreBits();
            table.add(new String[] {id, Integer.toString(g.neurons()), Integer.toString(g.pins()),
                String.format(Locale.ROOT, "%.0f", first / 1e6), String.format(Locale.ROOT, "%.0f", firstCpu / 1e6),
                String.format(Locale.ROOT, "%.0f", best / 1e6), String.format(Locale.ROOT, "%.0f", bestCpu / 1e6),
                Integer.toString(r.parts()), String.format(Locale.ROOT, "%.1f", bits), Integer.toString(slices),
                String.format(Locale.ROOT, "%.1f", slicedBits),
                slicedBits == 0 ? "-" : String.format(Locale.ROOT, "%.3fx", bits / slicedBits)});
        }
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] row : table) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(table);
        for (String[] row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == 0 ? String.format("%-" + width[c] + "s", row[c]) : String.format("  %" + width[c] + "s", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("time: neuron graph and partition, one thread (wall; cpu = that thread's processor time); spike bits: core-to-core per inference, multicast;"
                + " sliced: each population cut into consecutive slices of " + neurons + " neurons, one per core");
        out.flush();
        return ExitCodes.OK;
    }
}
