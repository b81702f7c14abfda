package org.memdse.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.SynapseArray;
import org.memdse.core.arch.Template;
import org.memdse.core.arch.TileArray;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.core.network.Encoder;
import org.memdse.core.network.Encoding;
import org.memdse.core.network.LearningRule;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.Shape;
import org.memdse.mapping.objective.Flow;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.place.SequentialPlacer;
import org.memdse.mapping.place.solver.ChunkLevels;
import org.memdse.mapping.place.solver.PlacementResult;
import org.memdse.mapping.place.solver.SolverPlacer;

/**
 * The SNN check: the spike traffic crossing cores under the solver's assignment (the
 * partitioner's core-sized groups, placed by the solver) against {@link MultilevelPartitioner} on
 * the same population graph and core capacities. Both are measured the same way: for every flow
 * between populations A and B, {@code bits × (1 − Σ_core x_A(core) · x_B(core))}, with x the
 * fraction of a population's neurons on a core (the uniform-split model).
 *
 * <p>Two references: the partitioner on the solver's own core groups (same graph, same
 * capacities: the check), and on 16-neuron micro-groups, which may mix populations on a core
 * (e.g. Diehl and Cook's excitatory and inhibitory neurons, whose rows fit together on a
 * 2048-row core) while the solver places whole core-sized groups. See the README, "Mapping" (the solver paragraph).
 * Since issue 13 the solver's units are the connectivity-aware parts ({@code SnnParts}), which
 * already mix populations; the check stays as a floor on the placement of those parts.
 */
class SnnPartitionComparisonTest {
    private static final Logger LOG = Logger.getLogger(SnnPartitionComparisonTest.class.getName());
    private static final int MICRO_GROUP = 16;

    /** fig4-hybrid with cores of 256 neurons and 2048 synapse rows (Diehl-Cook's 1184-row fan-in fits). */
    static Architecture bigCores(int cores) {
        Architecture base = Bundled.architecture("fig4-hybrid");
        SnnCoreTemplate snn = null;
        for (Template t : base.templates()) {
            if (t instanceof SnnCoreTemplate s) {
                snn = s;
            }
        }
        SynapseArray sa = snn.synapses();
        SnnCoreTemplate big = new SnnCoreTemplate(snn.name(), 256, snn.neuron(),
                new SynapseArray(2048, 256, sa.weightBits(), sa.device(), sa.figures()), snn.learning(), snn.timeStepS(),
                snn.figures());
        List<Template> templates = new ArrayList<>();
        for (Template t : base.templates()) {
            templates.add(t instanceof SnnCoreTemplate ? big : t);
        }
        List<Subsystem> subsystems = new ArrayList<>();
        for (Subsystem s : base.subsystems()) {
            subsystems.add(s instanceof TileArray t && t.template() instanceof SnnCoreTemplate
                    ? new TileArray(t.name(), big, cores) : s);
        }
        return new Architecture("fig4-big-cores", "", base.technology(), base.devices(), templates, subsystems,
                base.interconnect());
    }

    /** A chain of populations of 100-400 neurons with dense projections. */
    static NetworkGraph randomSnn(long seed, int populations) {
        SplittableRandom r = new SplittableRandom(seed);
        NetworkBuilder b = new NetworkBuilder("random-snn-" + seed).precision(4, 8);
        b.add(new Encoder("sensor", Shape.of(64), Encoding.RATE, 8, 0.1));
        String prev = "sensor";
        for (int i = 0; i < populations; i++) {
            int n = 100 + r.nextInt(300);
            b.add(Projection.dense("p" + i, n, 4, LearningRule.NONE), prev);
            b.add(new Population("pop" + i, 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.01 + r.nextDouble() * 0.1),
                    "p" + i);
            prev = "pop" + i;
        }
        return b.build();
    }

    /**
     * @param sequential      the sequential baseline
     * @param solver          the solver's placement of the core-sized groups
     * @param unitReference   the multilevel partitioner on the same groups (vertex = group, each
     *                        group needing its own fan-in rows, as the solver's capacity model says)
     * @param neuronReference the multilevel partitioner on 16-neuron micro-groups (rows once per
     *                        population and core): free to mix populations on a core
     */
    private record Comparison(double sequential, double solver, double unitReference, double neuronReference) {
    }

    private static Comparison compare(Architecture arch, NetworkGraph net) {
        MappingProblem p = ((MappingProblem.Ready) MappingProblem.prepare(arch, net)).problem();
        List<NodeUnits> pops = p.partition().nodes().stream().filter(n -> n.resource() == ResourceKind.SNN_CORE)
                .toList();
        int nodes = p.partition().nodes().size();
        int[] popIndex = new int[nodes];
        java.util.Arrays.fill(popIndex, -1);
        int[] neurons = new int[pops.size()];
        int[] fanIn = new int[pops.size()];
        for (int i = 0; i < pops.size(); i++) {
            NodeUnits n = pops.get(i);
            popIndex[n.index()] = i;
            for (int u = n.firstUnit(); u < n.firstUnit() + n.count(); u++) {
                CoreGroup g = (CoreGroup) p.partition().units().get(u);
                neurons[i] += g.neurons();
                fanIn[i] = g.fanIn();
            }
        }
        List<Flow> flows = p.traffic().flows().stream()
                .filter(f -> popIndex[f.from()] >= 0 && popIndex[f.to()] >= 0).toList();
        List<Integer> cores = p.topology().endpointsOf(ResourceKind.SNN_CORE);

        Optional<int[]> seq = SequentialPlacer.place(p);
        MapperOptions options = MapperOptions.DEFAULT.withSeed(5).withStepLimit(3000);
        PlacementResult solved = new SolverPlacer().place(p.topology(), p.traffic(), seq, ChunkLevels.of(1), options);
        assertThat(p.objectives().capacityViolations(solved.endpointOfUnit())).isEmpty();

        int capNeurons = p.topology().capacity(cores.get(0)).neurons();
        int capRows = p.topology().capacity(cores.get(0)).synapseRows();

        // Reference on the solver's own units: one vertex per core group, own rows each.
        List<Integer> unitPop = new ArrayList<>();
        List<Integer> unitNeurons = new ArrayList<>();
        List<Integer> unitRows = new ArrayList<>();
        for (int i = 0; i < pops.size(); i++) {
            NodeUnits n = pops.get(i);
            for (int u = n.firstUnit(); u < n.firstUnit() + n.count(); u++) {
                CoreGroup g = (CoreGroup) p.partition().units().get(u);
                unitPop.add(i);
                unitNeurons.add(g.neurons());
                unitRows.add(g.fanIn());
            }
        }
        int[] ownClass = new int[unitPop.size()];
        for (int v = 0; v < ownClass.length; v++) {
            ownClass[v] = v;
        }
        double unitReference = reference(unitPop, unitNeurons, ownClass,
                unitRows.stream().mapToInt(Integer::intValue).toArray(), flows, popIndex, neurons, cores.size(),
                capNeurons, capRows);

        // Reference on micro-groups: populations may share a core and its rows.
        List<Integer> microPop = new ArrayList<>();
        List<Integer> microNeurons = new ArrayList<>();
        for (int i = 0; i < pops.size(); i++) {
            for (int left = neurons[i]; left > 0; left -= MICRO_GROUP) {
                microPop.add(i);
                microNeurons.add(Math.min(MICRO_GROUP, left));
            }
        }
        double neuronReference = reference(microPop, microNeurons,
                microPop.stream().mapToInt(Integer::intValue).toArray(), fanIn, flows, popIndex, neurons, cores.size(),
                capNeurons, capRows);
        return new Comparison(seq.map(s -> crossing(p, s, popIndex, neurons, flows)).orElse(Double.NaN),
                crossing(p, solved.endpointOfUnit(), popIndex, neurons, flows), unitReference, neuronReference);
    }

    /** Crossing bits of the multilevel partition of these vertices (population, neurons, row class). */
    private static double reference(List<Integer> vertexPop, List<Integer> vertexNeurons, int[] rowClass,
                                    int[] classRows, List<Flow> flows, int[] popIndex, int[] neurons, int parts,
                                    int capNeurons, int capRows) {
        int m = vertexPop.size();
        double[][] w = new double[m][m];
        for (Flow f : flows) {
            int a = popIndex[f.from()];
            int b = popIndex[f.to()];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (vertexPop.get(i) == a && vertexPop.get(j) == b) {
                        double bits = f.bits() * vertexNeurons.get(i) * vertexNeurons.get(j)
                                / ((double) neurons[a] * neurons[b]);
                        w[i][j] += bits;
                        w[j][i] += bits;
                    }
                }
            }
        }
        int[] part = new MultilevelPartitioner(parts, capNeurons, capRows, classRows, 11)
                .partition(w, vertexNeurons.stream().mapToInt(Integer::intValue).toArray(), rowClass);
        double[][] fraction = new double[neurons.length][parts];
        for (int i = 0; i < m; i++) {
            fraction[vertexPop.get(i)][part[i]] += vertexNeurons.get(i) / (double) neurons[vertexPop.get(i)];
        }
        return crossing(fraction, popIndex, flows);
    }

    private static double crossing(MappingProblem p, int[] placement, int[] popIndex, int[] neurons, List<Flow> flows) {
        int endpoints = p.topology().endpointCount();
        double[][] x = new double[neurons.length][endpoints];
        for (MappingUnit u : p.partition().units()) {
            if (u instanceof CoreGroup g) {
                int pop = popIndex[p.traffic().nodeOfUnit(u.id())];
                x[pop][placement[u.id()]] += g.neurons() / (double) neurons[pop];
            }
        }
        return crossing(x, popIndex, flows);
    }

    private static double crossing(double[][] x, int[] popIndex, List<Flow> flows) {
        double total = 0;
        for (Flow f : flows) {
            double[] a = x[popIndex[f.from()]];
            double[] b = x[popIndex[f.to()]];
            double local = 0;
            for (int c = 0; c < a.length; c++) {
                local += a[c] * b[c];
            }
            total += f.bits() * (1 - local);
        }
        return total;
    }

    private static void check(String what, Comparison c, double neuronLevelGap) {
        LOG.info(() -> String.format(java.util.Locale.ROOT,
                "%s: spike bits crossing cores: sequential %.1f, solver %.1f, multilevel on the same groups %.1f"
                        + " (solver/ref %.3f), multilevel on 16-neuron micro-groups %.1f (solver/ref %.3f)",
                what, c.sequential(), c.solver(), c.unitReference(), c.solver() / c.unitReference(),
                c.neuronReference(), c.solver() / c.neuronReference()));
        // Same graph, same capacities: the solver is within 10% of the partitioner.
        assertThat(c.solver()).as(what).isLessThanOrEqualTo(1.10 * c.unitReference() + 1e-9);
        // Finer groups would let a partitioner mix populations on a core; the gap is the price of
        // core-sized groups (a partition choice, not the solver's), pinned here so it is noticed.
        assertThat(c.solver()).as(what).isLessThanOrEqualTo(neuronLevelGap * c.neuronReference() + 1e-9);
    }

    @Test
    void diehlCookIsCloseToTheMultilevelPartitioner() {
        check("diehl-cook-stdp", compare(bigCores(16), Bundled.network("diehl-cook-stdp")), 1.5);
    }

    @Test
    void aLargerRandomSnnIsCloseToTheMultilevelPartitioner() {
        check("random SNN", compare(bigCores(16), randomSnn(3, 8)), 1.35);
    }
}
